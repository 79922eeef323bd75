#include "policy/grant_cache.h"

namespace kontor::policy {

VerifiedGrantCache::VerifiedGrantCache(const PublicKey& root, std::size_t capacity)
    : root_(root), capacity_(capacity == 0 ? 1 : capacity) {}

StatusOr<std::shared_ptr<const EffectiveGrant>> VerifiedGrantCache::effective(
    std::string_view token) {
  {
    std::lock_guard lock(mutex_);
    auto found = verified_.find(std::string(token));
    if (found != verified_.end()) return found->second;
  }
  // Verified outside the lock: two threads may both verify a new token, which is harmless.
  ASSIGN_OR_RETURN(Grant grant, Grant::parse(token));
  ASSIGN_OR_RETURN(EffectiveGrant effective, grant.effective(root_));
  auto shared = std::make_shared<const EffectiveGrant>(std::move(effective));
  std::lock_guard lock(mutex_);
  if (verified_.size() >= capacity_) verified_.clear();
  verified_.emplace(std::string(token), shared);
  return shared;
}

std::size_t VerifiedGrantCache::size() const {
  std::lock_guard lock(mutex_);
  return verified_.size();
}

}  // namespace kontor::policy
