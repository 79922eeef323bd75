// Malformed tokens: each is rejected with the reason (and the block and field) named.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "policy/grant.h"

namespace kontor::policy {
namespace {

std::string encode(const std::string& bytes) {
  return "kg1." + base64url(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

// A token of one block with `body` (not signed: parse() does not check signatures).
std::string token_with_body(const std::string& body) {
  std::string bytes{1, 1};
  const auto n = static_cast<std::uint32_t>(body.size());
  for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((n >> shift) & 0xff));
  return encode(bytes + body + std::string(64, 'S') + std::string(32, 'P'));
}

const std::string kNext = std::string(43, 'A');  // 32 zero bytes in base64url

std::string body(nlohmann::json changes) {
  nlohmann::json b{{"v", 1},
                   {"id", "g-01"},
                   {"holder", "workspace"},
                   {"actions", {"rfq.send"}},
                   {"expires", "2026-12-31T23:59:59Z"},
                   {"next", kNext}};
  if (!changes.is_object()) return b.dump();
  b.update(changes);
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    if (it.value().is_null()) b.erase(it.key());
  }
  return b.dump();
}

std::string reason(const std::string& token) { return Grant::parse(token).status().message(); }

TEST(GrantParseTest, AWellFormedBodyParses) {
  EXPECT_TRUE(Grant::parse(token_with_body(body({}))).ok());
}

TEST(GrantParseTest, MissingPrefix) {
  EXPECT_EQ(reason("kg2.AAAA"), "token: does not start with 'kg1.'");
}

TEST(GrantParseTest, NotBase64url) {
  EXPECT_EQ(reason("kg1.AA+/"), "token: not base64url (no padding)");
}

TEST(GrantParseTest, Empty) { EXPECT_EQ(reason("kg1."), "token: truncated in the header"); }

TEST(GrantParseTest, WrongVersion) {
  EXPECT_EQ(reason(encode(std::string{2, 1})), "token: version 2: not 1");
}

TEST(GrantParseTest, NoBlocks) {
  EXPECT_EQ(reason(encode(std::string{1, 0})), "token: block count 0: not 1..32");
}

TEST(GrantParseTest, TruncatedBody) {
  EXPECT_EQ(reason(encode(std::string{1, 1, 0, 0, 0, 9, 'x'})),
            "token: truncated in block 0 (body)");
}

TEST(GrantParseTest, TruncatedProof) {
  std::string token = token_with_body(body({}));
  std::string bytes{1, 1};
  const std::string b = body({});
  const auto n = static_cast<std::uint32_t>(b.size());
  for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((n >> shift) & 0xff));
  EXPECT_EQ(reason(encode(bytes + b + std::string(64, 'S') + "short")),
            "token: truncated in the proof");
}

TEST(GrantParseTest, TrailingBytes) {
  std::string bytes{1, 1};
  const std::string b = body({});
  const auto n = static_cast<std::uint32_t>(b.size());
  for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((n >> shift) & 0xff));
  EXPECT_EQ(reason(encode(bytes + b + std::string(64, 'S') + std::string(33, 'P'))),
            "token: 1 bytes after the proof");
}

TEST(GrantParseTest, BodyNotJson) {
  EXPECT_EQ(reason(token_with_body("{not json")), "block 0: body: not a JSON object");
}

TEST(GrantParseTest, BodyNotCanonical) {
  EXPECT_EQ(reason(token_with_body("{ \"v\": 1 }")), "block 0: body: not in canonical form");
}

TEST(GrantParseTest, UnknownField) {
  EXPECT_EQ(reason(token_with_body(body({{"admin", true}}))), "block 0: admin: unknown field");
}

TEST(GrantParseTest, MissingActions) {
  EXPECT_EQ(reason(token_with_body(body({{"actions", nullptr}}))), "block 0: actions: missing");
}

TEST(GrantParseTest, ActionsNotAList) {
  EXPECT_EQ(reason(token_with_body(body({{"actions", "rfq.send"}}))),
            "block 0: actions: not a list");
}

TEST(GrantParseTest, BadActionPattern) {
  EXPECT_EQ(reason(token_with_body(body({{"actions", {"RFQ send"}}}))),
            "block 0: actions: not an action pattern: 'RFQ send'");
}

TEST(GrantParseTest, MissingExpiry) {
  EXPECT_EQ(reason(token_with_body(body({{"expires", nullptr}}))), "block 0: expires: missing");
}

TEST(GrantParseTest, BadExpiry) {
  EXPECT_EQ(reason(token_with_body(body({{"expires", "2026-13-01"}}))),
            "block 0: expires: time '2026-13-01': not YYYY-MM-DD[THH:MM:SSZ]");
}

TEST(GrantParseTest, BadCap) {
  EXPECT_EQ(reason(token_with_body(body({{"max", {{"amount", "5e2"}, {"currency", "EUR"}}}}))),
            "block 0: max: not a decimal number (unexpected character): '5e2'");
}

TEST(GrantParseTest, BadCurrency) {
  EXPECT_EQ(reason(token_with_body(body({{"budget", {{"amount", "5"}, {"currency", "eur"}}}}))),
            "block 0: budget: currency: not three capital letters: 'eur'");
}

TEST(GrantParseTest, NonPositiveCap) {
  EXPECT_EQ(reason(token_with_body(body({{"max", {{"amount", "0"}, {"currency", "EUR"}}}}))),
            "block 0: max: not above zero: 0.00 EUR");
}

TEST(GrantParseTest, BadNextKey) {
  EXPECT_EQ(reason(token_with_body(body({{"next", "AAAA"}}))),
            "block 0: next: public key: not 32 bytes");
}

TEST(GrantParseTest, MissingGrantId) {
  EXPECT_EQ(reason(token_with_body(body({{"id", nullptr}}))), "block 0: id: missing or not 'g-…'");
}

TEST(GrantParseTest, WrongVersionField) {
  EXPECT_EQ(reason(token_with_body(body({{"v", 2}}))), "block 0: v: not 1");
}

}  // namespace
}  // namespace kontor::policy
