#include "server/tokens.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "store/journal.h"

namespace kontor::server {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "kt_";
constexpr std::size_t kRandomBytes = 20;

std::string hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

Status init_sodium() {
  if (sodium_init() < 0) return internal_error("tokens: libsodium failed to initialise");
  return ok_status();
}

StatusOr<TokenInfo> info_from(const store::Record& record) {
  json j = json::parse(record.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return data_loss("server.tokens/" + record.key + ": not a JSON object");
  }
  return TokenInfo{j.value("id", ""), j.value("name", ""), j.value("created_at", ""),
                   j.value("revoked_at", "")};
}

json info_json(const TokenInfo& info) {
  return {{"id", info.id},
          {"name", info.name},
          {"created_at", info.created_at},
          {"revoked_at", info.revoked_at}};
}

}  // namespace

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size());
  return hex(digest.data(), digest.size());
}

StatusOr<NewToken> TokenBook::create(std::string name) {
  RETURN_IF_ERROR(init_sodium());
  std::array<unsigned char, kRandomBytes> random{};
  randombytes_buf(random.data(), random.size());
  NewToken made;
  made.token = std::string(kPrefix) + hex(random.data(), random.size());
  made.info.id = made.token.substr(kPrefix.size(), 8);
  made.info.name = name.empty() ? "default" : std::move(name);
  made.info.created_at = store::utc_timestamp_now();
  ASSIGN_OR_RETURN(auto txn, store_.begin());
  ASSIGN_OR_RETURN(store::PutOutcome outcome,
                   txn->put_if_version(kTokensCollection, sha256_hex(made.token),
                                       info_json(made.info).dump(), 0));
  (void)outcome;
  RETURN_IF_ERROR(txn->commit());
  return made;
}

StatusOr<std::vector<TokenInfo>> TokenBook::list() {
  std::vector<TokenInfo> out;
  RETURN_IF_ERROR(store_.scan(kTokensCollection, [&](const store::Record& record) -> Status {
    ASSIGN_OR_RETURN(TokenInfo info, info_from(record));
    out.push_back(std::move(info));
    return ok_status();
  }));
  std::sort(out.begin(), out.end(), [](const TokenInfo& a, const TokenInfo& b) {
    return a.created_at < b.created_at || (a.created_at == b.created_at && a.id < b.id);
  });
  return out;
}

Status TokenBook::revoke(std::string_view id) {
  if (id.empty()) return invalid_argument("id: required");
  std::optional<store::Record> found;
  RETURN_IF_ERROR(store_.scan(kTokensCollection, [&](const store::Record& record) -> Status {
    ASSIGN_OR_RETURN(TokenInfo info, info_from(record));
    if (info.id == id) found = record;
    return ok_status();
  }));
  if (!found) return not_found("token '" + std::string(id) + "': no such token");
  ASSIGN_OR_RETURN(TokenInfo info, info_from(*found));
  if (!info.revoked_at.empty()) {
    return failed_precondition("token '" + std::string(id) + "': already revoked at " +
                               info.revoked_at);
  }
  info.revoked_at = store::utc_timestamp_now();
  ASSIGN_OR_RETURN(auto txn, store_.begin());
  ASSIGN_OR_RETURN(
      store::PutOutcome outcome,
      txn->put_if_version(kTokensCollection, found->key, info_json(info).dump(), found->version));
  (void)outcome;
  return txn->commit();
}

StatusOr<bool> TokenBook::verify(std::string_view token) {
  if (token.size() != kPrefix.size() + 2 * kRandomBytes || !token.starts_with(kPrefix)) {
    return false;
  }
  RETURN_IF_ERROR(init_sodium());
  ASSIGN_OR_RETURN(std::optional<store::Record> record,
                   store_.get(kTokensCollection, sha256_hex(token)));
  if (!record) return false;
  ASSIGN_OR_RETURN(TokenInfo info, info_from(*record));
  return info.revoked_at.empty();
}

StatusOr<bool> TokenBook::has_valid_token() {
  bool any = false;
  RETURN_IF_ERROR(store_.scan(kTokensCollection, [&](const store::Record& record) -> Status {
    ASSIGN_OR_RETURN(TokenInfo info, info_from(record));
    any = any || info.revoked_at.empty();
    return ok_status();
  }));
  return any;
}

}  // namespace kontor::server
