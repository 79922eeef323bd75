#include "policy/grant.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace kontor::policy {
namespace {

// Fixed keys so that failures are reproducible.
KeyPair key(unsigned char fill) {
  Seed seed{};
  seed.fill(fill);
  return KeyPair::from_seed(seed);
}

Block root_block() {
  Block b;
  b.id = "g-0011223344556677";
  b.holder = "workspace";
  b.actions = std::vector<std::string>{"rfq.send", "sample.order", "quote.*"};
  b.counterparties = std::vector<std::string>{"SUP-1", "SUP-2"};
  b.max = Cap{Decimal::parse("500.00").value(), "EUR"};
  b.budget = Cap{Decimal::parse("2000.00").value(), "EUR"};
  b.expires = parse_time("2026-12-31").value();
  return b;
}

Grant root_grant() { return Grant::create(key(1), root_block()).value(); }

Block restriction() {
  Block b;
  b.holder = "agent:buyer";
  return b;
}

std::string decode(const std::string& token) {
  std::string payload = token.substr(4);
  std::string bytes(payload.size(), '\0');
  std::size_t length = 0;
  sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), payload.data(),
                    payload.size(), nullptr, &length, nullptr,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  bytes.resize(length);
  return bytes;
}

std::string encode(const std::string& bytes) {
  return "kg1." + base64url(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

// Flips one bit of the decoded token at `offset` and re-encodes it.
std::string tamper(const std::string& token, std::size_t offset) {
  std::string bytes = decode(token);
  bytes[offset] = static_cast<char>(bytes[offset] ^ 0x01);
  return encode(bytes);
}

TEST(GrantTest, CreatedGrantVerifiesWithTheRootKey) {
  Grant grant = root_grant();
  auto effective = grant.effective(key(1).public_key);
  ASSERT_TRUE(effective.ok()) << effective.status().to_string();
  EXPECT_EQ(effective->id, "g-0011223344556677");
  EXPECT_EQ(effective->max->to_string(), "500.00 EUR");
  ASSERT_EQ(effective->budgets.size(), 1u);
  EXPECT_EQ(effective->budgets[0].counter, "g-0011223344556677");
  EXPECT_EQ(format_time(effective->expires), "2026-12-31T23:59:59Z");
}

TEST(GrantTest, EncodeParseRoundTripIsByteIdentical) {
  Grant grant = root_grant().attenuate(restriction()).value();
  const std::string token = grant.encode();
  EXPECT_TRUE(token.starts_with("kg1."));
  auto parsed = Grant::parse(token);
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  EXPECT_EQ(parsed->encode(), token);
  EXPECT_TRUE(parsed->verify(key(1).public_key).ok());
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_EQ(parsed->block(1).holder, "agent:buyer");
}

TEST(GrantTest, WrongRootKeyIsRejected) {
  Status status = root_grant().verify(key(2).public_key);
  EXPECT_EQ(status.message(), "block 0: signature: does not verify with the workspace root key");
}

TEST(GrantTest, EveryTamperedByteIsRejected) {
  const std::string token = root_grant().attenuate(restriction()).value().encode();
  auto parsed = Grant::parse(token);
  ASSERT_TRUE(parsed.ok());
  const std::size_t size = decode(token).size();
  for (std::size_t offset = 0; offset < size; ++offset) {
    auto tampered = Grant::parse(tamper(token, offset));
    if (!tampered.ok()) continue;  // rejected while parsing
    EXPECT_FALSE(tampered->verify(key(1).public_key).ok()) << "byte " << offset;
  }
}

TEST(GrantTest, AttenuationNarrowsActions) {
  Block b = restriction();
  b.actions = std::vector<std::string>{"rfq.send", "quote.accept"};
  auto effective = root_grant().attenuate(b).value().effective(key(1).public_key);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(effective->actions, (std::vector<std::string>{"rfq.send", "quote.accept"}));
  EXPECT_EQ(effective->holder, "agent:buyer");
}

TEST(GrantTest, AttenuationNarrowsCounterparties) {
  Block b = restriction();
  b.counterparties = std::vector<std::string>{"SUP-2"};
  auto effective = root_grant().attenuate(b).value().effective(key(1).public_key);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(*effective->counterparties, std::vector<std::string>{"SUP-2"});
}

TEST(GrantTest, AttenuationLowersTheCapsAndAddsABudget) {
  Block b = restriction();
  b.max = Cap{Decimal::parse("100").value(), "EUR"};
  b.budget = Cap{Decimal::parse("300").value(), "EUR"};
  auto effective = root_grant().attenuate(b).value().effective(key(1).public_key);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(effective->max->to_string(), "100.00 EUR");
  ASSERT_EQ(effective->budgets.size(), 2u);
  EXPECT_EQ(effective->budgets[1].cap.to_string(), "300.00 EUR");
  EXPECT_TRUE(effective->budgets[1].counter.starts_with("g-0011223344556677/1-"));
}

TEST(GrantTest, AttenuationShortensTheExpiryAndNarrowsTheScope) {
  Block b = restriction();
  b.expires = parse_time("2026-12-01T12:00:00Z").value();
  b.cases = std::vector<std::string>{"K1"};
  auto effective = root_grant().attenuate(b).value().effective(key(1).public_key);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(format_time(effective->expires), "2026-12-01T12:00:00Z");
  EXPECT_EQ(*effective->cases, std::vector<std::string>{"K1"});
}

TEST(GrantTest, ForbidListsAddUp) {
  Block b = restriction();
  b.forbid = {"quote.accept"};
  auto effective = root_grant().attenuate(b).value().effective(key(1).public_key);
  ASSERT_TRUE(effective.ok());
  EXPECT_EQ(effective->forbid, std::vector<std::string>{"quote.accept"});
}

TEST(GrantTest, ThreeBlocksChain) {
  Block b1 = restriction();
  b1.actions = std::vector<std::string>{"quote.*"};
  Block b2 = restriction();
  b2.holder = "agent:negotiator";
  b2.actions = std::vector<std::string>{"quote.accept"};
  Grant grant = root_grant().attenuate(b1).value().attenuate(b2).value();
  auto parsed = Grant::parse(grant.encode());
  ASSERT_TRUE(parsed.ok());
  auto effective = parsed->effective(key(1).public_key);
  ASSERT_TRUE(effective.ok()) << effective.status().to_string();
  EXPECT_EQ(effective->actions, std::vector<std::string>{"quote.accept"});
}

Status forged(const Block& b) {
  Grant grant = root_grant().attenuate_unchecked(b).value();
  EXPECT_FALSE(root_grant().attenuate(b).ok());  // the honest path refuses it too
  return Grant::parse(grant.encode()).value().verify(key(1).public_key);
}

TEST(GrantTest, WideningActionsIsRejectedNamingTheBlock) {
  Block b = restriction();
  b.actions = std::vector<std::string>{"payment.deposit"};
  EXPECT_EQ(forged(b).message(),
            "block 1: actions: widens the grant: 'payment.deposit' is not within [rfq.send, "
            "sample.order, quote.*]");
}

TEST(GrantTest, WideningAPatternIsRejected) {
  Block b = restriction();
  b.actions = std::vector<std::string>{"*"};
  EXPECT_EQ(forged(b).message(),
            "block 1: actions: widens the grant: '*' is not within [rfq.send, sample.order, "
            "quote.*]");
}

TEST(GrantTest, WideningCounterpartiesIsRejected) {
  Block b = restriction();
  b.counterparties = std::vector<std::string>{"SUP-1", "SUP-9"};
  EXPECT_EQ(
      forged(b).message(),
      "block 1: counterparties: widens the grant: [SUP-1, SUP-9] is not within [SUP-1, SUP-2]");
}

TEST(GrantTest, RaisingTheCapIsRejected) {
  Block b = restriction();
  b.max = Cap{Decimal::parse("501").value(), "EUR"};
  EXPECT_EQ(forged(b).message(),
            "block 1: max: widens the grant: 501.00 EUR is above the earlier cap 500.00 EUR");
}

TEST(GrantTest, ChangingTheBudgetCurrencyIsRejected) {
  Block b = restriction();
  b.budget = Cap{Decimal::parse("10").value(), "USD"};
  EXPECT_EQ(forged(b).message(),
            "block 1: budget: widens the grant: 10.00 USD is not in the currency of the earlier "
            "cap 2000.00 EUR");
}

TEST(GrantTest, ExtendingTheExpiryIsRejected) {
  Block b = restriction();
  b.expires = parse_time("2027-01-01").value();
  EXPECT_EQ(forged(b).message(),
            "block 1: expires: widens the grant: 2027-01-01T23:59:59Z is after "
            "2026-12-31T23:59:59Z");
}

TEST(GrantTest, WideningTheScopeIsRejected) {
  Block b1 = restriction();
  b1.cases = std::vector<std::string>{"K1"};
  Block b2 = restriction();
  b2.cases = std::vector<std::string>{"K1", "K2"};
  Grant grant = root_grant().attenuate(b1).value().attenuate_unchecked(b2).value();
  EXPECT_EQ(grant.verify(key(1).public_key).message(),
            "block 2: cases: widens the grant: [K1, K2] is not within [K1]");
}

TEST(GrantTest, ABlockSplicedFromAnotherGrantIsRejected) {
  // Two grants with the same block 0 content (each has its own next key): block 1 of the second
  // after block 0 of the first does not verify.
  const std::string a = decode(root_grant().attenuate(restriction()).value().encode());
  const std::string b = decode(root_grant().attenuate(restriction()).value().encode());
  auto block0_end = [](const std::string& bytes) {
    std::size_t n = 0;
    for (int i = 2; i < 6; ++i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
    return 6 + n + 64;
  };
  std::string spliced = a.substr(0, block0_end(a)) + b.substr(block0_end(b));
  auto grant = Grant::parse(encode(spliced));
  ASSERT_TRUE(grant.ok()) << grant.status().to_string();
  EXPECT_EQ(grant->verify(key(1).public_key).message(),
            "block 1: signature: does not verify with block 0's next key");
}

TEST(GrantTest, AProofThatDoesNotMatchIsRejected) {
  const std::string a = decode(root_grant().encode());
  const std::string b = decode(root_grant().encode());
  std::string swapped = a.substr(0, a.size() - 32) + b.substr(b.size() - 32);
  EXPECT_EQ(Grant::parse(encode(swapped)).value().verify(key(1).public_key).message(),
            "proof: does not match block 0's next key");
}

}  // namespace
}  // namespace kontor::policy
