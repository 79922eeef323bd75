#include "policy/approvals.h"

#include <nlohmann/json.hpp>

#include "policy/action_digest.h"
#include "policy/grant.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

json to_json(const Approval& a) {
  json j{{"key", a.key},
         {"case", a.case_id},
         {"digest", a.digest},
         {"by", a.by},
         {"approved_at", format_time(a.approved_at)},
         {"expires_at", format_time(a.expires_at)}};
  if (a.used_at) j["used_at"] = format_time(*a.used_at);
  return j;
}

StatusOr<Approval> from_json(std::string_view text, std::string_view key) {
  const std::string where = "approval of action " + std::string(key) + ": ";
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return data_loss(where + "not a JSON object");
  Approval a;
  for (const char* field : {"key", "case", "digest", "by", "approved_at", "expires_at"}) {
    if (!j.contains(field) || !j[field].is_string()) {
      return data_loss(where + field + ": missing or not a string");
    }
  }
  a.key = j["key"];
  a.case_id = j["case"];
  a.digest = j["digest"];
  a.by = j["by"];
  ASSIGN_OR_RETURN(a.approved_at, parse_time(j["approved_at"].get<std::string>()));
  ASSIGN_OR_RETURN(a.expires_at, parse_time(j["expires_at"].get<std::string>()));
  if (j.contains("used_at") && j["used_at"].is_string()) {
    ASSIGN_OR_RETURN(a.used_at, parse_time(j["used_at"].get<std::string>()));
  }
  return a;
}

}  // namespace

StatusOr<Approval> ApprovalBook::approve(store::Transaction& txn, const store::OutboxAction& action,
                                         std::string_view by, std::int64_t now,
                                         std::int64_t expires_at) {
  Approval approval{action.key, action.case_id, action_digest(action), std::string(by),
                    now,        expires_at,     std::nullopt};
  RETURN_IF_ERROR(txn.put(kCollection, action.key, to_json(approval).dump()).status());
  return approval;
}

StatusOr<std::optional<Approval>> ApprovalBook::get(store::Transaction& txn, std::string_view key) {
  ASSIGN_OR_RETURN(auto record, txn.get(kCollection, key));
  if (!record) return std::optional<Approval>();
  ASSIGN_OR_RETURN(Approval approval, from_json(record->body, key));
  return std::optional<Approval>(std::move(approval));
}

Status ApprovalBook::consume(store::Transaction& txn, const store::OutboxAction& action,
                             std::int64_t now) {
  const std::string where = "action " + action.key + ": ";
  ASSIGN_OR_RETURN(auto approval, get(txn, action.key));
  if (!approval) return failed_precondition(where + "no approval on record");
  const std::string digest = action_digest(action);
  if (approval->digest != digest || approval->case_id != action.case_id) {
    return failed_precondition(where + "approval void: the action changed after it was approved (" +
                               approval->by + " approved digest " + approval->digest.substr(0, 12) +
                               "…, it is now " + digest.substr(0, 12) + "…)");
  }
  if (now > approval->expires_at) {
    return failed_precondition(where + "approval by " + approval->by + " expired at " +
                               format_time(approval->expires_at));
  }
  if (approval->used_at) {
    return failed_precondition(where + "approval by " + approval->by + " was already used at " +
                               format_time(*approval->used_at));
  }
  approval->used_at = now;
  return txn.put(kCollection, action.key, to_json(*approval).dump()).status();
}

Status ApprovalBook::rearm(store::Transaction& txn, std::string_view key) {
  ASSIGN_OR_RETURN(auto approval, get(txn, key));
  if (!approval || !approval->used_at) return ok_status();
  approval->used_at.reset();
  return txn.put(kCollection, key, to_json(*approval).dump()).status();
}

}  // namespace kontor::policy
