#include "policy/case_grant_policy.h"

#include <nlohmann/json.hpp>

namespace kontor::policy {
namespace {

using crew::PolicyDecision;
using crew::PolicyVerdict;
using nlohmann::json;

StatusOr<std::optional<std::string>> token_in(const std::optional<store::Record>& record,
                                              std::string_view case_id) {
  if (!record) return std::optional<std::string>();
  json body = json::parse(record->body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("token") ||
      !body["token"].is_string()) {
    return data_loss("grant of case " + std::string(case_id) + ": stored record is malformed");
  }
  return std::optional<std::string>(body["token"].get<std::string>());
}

}  // namespace

CaseGrantPolicy::CaseGrantPolicy(const PublicKey& root, std::optional<Grant> offered,
                                 GrantPolicyOptions options)
    : cache_(root), offered_(std::move(offered)), options_(std::move(options)) {
  if (offered_) offered_token_ = offered_->encode();
}

std::int64_t CaseGrantPolicy::now() const { return options_.now ? options_.now() : unix_now(); }

Status CaseGrantPolicy::bind(store::Transaction& txn, std::string_view case_id, const Grant& grant,
                             std::int64_t now) {
  const std::string token = grant.encode();
  ASSIGN_OR_RETURN(auto record, txn.get(kCollection, case_id));
  ASSIGN_OR_RETURN(std::optional<std::string> bound, token_in(record, case_id));
  if (bound && *bound == token) return ok_status();
  if (bound) {
    auto other = Grant::parse(*bound);
    return already_exists("case " + std::string(case_id) + " runs under grant " +
                          (other.ok() ? other->id() : "(unreadable)") + ", not " + grant.id());
  }
  json body{
      {"case", case_id}, {"grant", grant.id()}, {"token", token}, {"bound_at", format_time(now)}};
  return txn.put(kCollection, case_id, body.dump()).status();
}

StatusOr<std::optional<std::string>> CaseGrantPolicy::bound_token(store::Store& store,
                                                                  std::string_view case_id) {
  ASSIGN_OR_RETURN(auto record, store.get(kCollection, case_id));
  return token_in(record, case_id);
}

StatusOr<std::optional<GrantPolicy>> CaseGrantPolicy::stored(store::Transaction& txn,
                                                             std::string_view case_id,
                                                             std::string* token) {
  ASSIGN_OR_RETURN(auto record, txn.get(kCollection, case_id));
  ASSIGN_OR_RETURN(std::optional<std::string> bound, token_in(record, case_id));
  if (!bound) return std::optional<GrantPolicy>();
  if (token != nullptr) *token = *bound;
  auto effective = cache_.effective(*bound);
  if (!effective.ok()) {
    return effective.status().with_context("grant stored with case " + std::string(case_id));
  }
  return std::optional<GrantPolicy>(std::in_place, **effective, options_);
}

PolicyDecision CaseGrantPolicy::decide(std::string_view case_id, std::string_view task_id,
                                       const crew::ProposedAction& action) {
  if (!offered_) return default_.decide(case_id, task_id, action);
  auto effective = cache_.effective(offered_token_);
  if (!effective.ok())
    return {PolicyVerdict::kDeny, "grant invalid: " + effective.status().message()};
  return GrantPolicy(**effective, options_).decide(case_id, task_id, action);
}

PolicyDecision CaseGrantPolicy::decide_in(store::Transaction& txn, const store::OutboxAction& entry,
                                          const crew::ProposedAction& action) {
  std::string token;
  auto policy = stored(txn, entry.case_id, &token);
  if (!policy.ok()) return {PolicyVerdict::kDeny, policy.status().message()};
  if (*policy) {
    if (offered_ && token != offered_token_) {
      return {PolicyVerdict::kNeedsApproval,
              "case " + entry.case_id + " runs under grant " + (*policy)->grant()->id +
                  " (stored with it); the grant " + offered_->id() + " given now is not used"};
    }
    return (*policy)->decide_in(txn, entry, action);
  }
  if (!offered_) return default_.decide_in(txn, entry, action);
  auto effective = cache_.effective(offered_token_);
  if (!effective.ok())
    return {PolicyVerdict::kDeny, "grant invalid: " + effective.status().message()};
  Status bound = bind(txn, entry.case_id, *offered_, now());
  if (!bound.ok()) return {PolicyVerdict::kNeedsApproval, "grant not stored: " + bound.to_string()};
  return GrantPolicy(**effective, options_).decide_in(txn, entry, action);
}

Status CaseGrantPolicy::approved(store::Transaction& txn, const store::OutboxAction& action) {
  ASSIGN_OR_RETURN(auto policy, stored(txn, action.case_id));
  return policy ? policy->approved(txn, action) : default_.approved(txn, action);
}

Status CaseGrantPolicy::before_execute(store::Transaction& txn, const store::OutboxAction& action) {
  ASSIGN_OR_RETURN(auto policy, stored(txn, action.case_id));
  return policy ? policy->before_execute(txn, action) : default_.before_execute(txn, action);
}

Status CaseGrantPolicy::retried(store::Transaction& txn, const store::OutboxAction& action) {
  ASSIGN_OR_RETURN(auto policy, stored(txn, action.case_id));
  return policy ? policy->retried(txn, action) : default_.retried(txn, action);
}

Status CaseGrantPolicy::released(store::Transaction& txn, const store::OutboxAction& action) {
  ASSIGN_OR_RETURN(auto policy, stored(txn, action.case_id));
  return policy ? policy->released(txn, action) : default_.released(txn, action);
}

}  // namespace kontor::policy
