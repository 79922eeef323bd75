// TokenBook: the API tokens of a workspace, kept in its store. A token is "kt_" followed by 40
// hex digits (160 random bits from libsodium); the store holds only its SHA-256, so a copy of
// the database does not hand out access. The first 8 hex digits are the token's public id,
// which `kontor token list` shows and `revoke` takes.
//
// On-disk format: collection "server.tokens", key: SHA-256 of the token (64 hex); body {"id",
// "name", "created_at", "revoked_at"} ("revoked_at" empty while the token is valid).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kontor::server {

inline constexpr std::string_view kTokensCollection = "server.tokens";

struct TokenInfo {
  std::string id;  // 8 hex digits
  std::string name;
  std::string created_at;
  std::string revoked_at;  // "" while valid
};

struct NewToken {
  TokenInfo info;
  std::string token;  // the clear token; shown once
};

class TokenBook {
 public:
  explicit TokenBook(store::Store& store) : store_(store) {}

  StatusOr<NewToken> create(std::string name);
  // Every token, valid or revoked, oldest first.
  StatusOr<std::vector<TokenInfo>> list();
  // not_found naming the id; failed_precondition when already revoked.
  Status revoke(std::string_view id);
  // True when `token` is a valid, unrevoked token of this workspace.
  StatusOr<bool> verify(std::string_view token);
  // Whether at least one valid token exists.
  StatusOr<bool> has_valid_token();

 private:
  store::Store& store_;
};

// SHA-256 of `text` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

}  // namespace kontor::server
