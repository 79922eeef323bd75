// VerifiedGrantCache: a grant token is verified (Ed25519 per block, every restriction) once per
// process, not once per action. Every process that acts on a case re-reads the grant stored with
// it (policy/case_grant_policy.h) for each decision; the token's bytes are the cache key, and
// since every byte that matters is signed, an identical token is an identical, already verified
// grant. Failures are not cached (a token that does not verify is rare and its error is wanted
// each time). Thread-safe: the runner decides on several threads.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"
#include "policy/grant.h"

namespace kontor::policy {

class VerifiedGrantCache {
 public:
  // At most `capacity` tokens are kept; past that the cache starts afresh.
  explicit VerifiedGrantCache(const PublicKey& root, std::size_t capacity = 256);

  // The effective grant of `token` verified against the root key: parsed and verified on first
  // sight, from the cache after. The errors of Grant::parse and Grant::effective.
  StatusOr<std::shared_ptr<const EffectiveGrant>> effective(std::string_view token);

  const PublicKey& root() const { return root_; }
  std::size_t size() const;

 private:
  PublicKey root_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const EffectiveGrant>> verified_;
};

}  // namespace kontor::policy
