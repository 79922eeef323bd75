#include "store/outbox.h"

#include <sodium.h>

#include <array>

namespace kontor::store {
namespace {

constexpr std::array<std::string_view, 8> kStateNames = {
    "proposed", "awaiting_approval", "approved", "executing", "done",
    "failed",   "outcome_unknown",   "denied"};

nlohmann::json to_body(const OutboxAction& a) {
  return {{"key", a.key},       {"case", a.case_id},         {"task", a.task_id},
          {"kind", a.kind},     {"action", a.action},        {"state", action_state_name(a.state)},
          {"result", a.result}, {"updated_at", a.updated_at}};
}

StatusOr<OutboxAction> from_record(const Record& record) {
  auto where = [&] { return record.collection + "/" + record.key + ": "; };
  nlohmann::json body = nlohmann::json::parse(record.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return data_loss(where() + "not a JSON object");
  auto state = parse_action_state(body.value("state", ""));
  if (!state) return data_loss(where() + "state: unknown '" + body.value("state", "") + "'");
  OutboxAction a;
  a.key = body.value("key", record.key);
  a.case_id = body.value("case", "");
  a.task_id = body.value("task", "");
  a.kind = body.value("kind", "");
  a.action = body.value("action", nlohmann::json::object());
  a.state = *state;
  a.result = body.value("result", nlohmann::json::object());
  a.updated_at = body.value("updated_at", "");
  a.version = record.version;
  return a;
}

}  // namespace

std::string_view action_state_name(ActionState state) {
  return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<ActionState> parse_action_state(std::string_view name) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == name) return static_cast<ActionState>(i);
  }
  return std::nullopt;
}

bool can_transition(ActionState from, ActionState to) {
  using S = ActionState;
  switch (from) {
    case S::kProposed: return to == S::kAwaitingApproval || to == S::kApproved || to == S::kDenied;
    case S::kAwaitingApproval: return to == S::kApproved || to == S::kDenied;
    case S::kApproved: return to == S::kExecuting;
    case S::kExecuting: return to == S::kDone || to == S::kFailed || to == S::kOutcomeUnknown;
    // Reconciliation: the counterparty confirms it happened (done), refused it (failed), or
    // has no trace of it, which makes executing it again safe (approved).
    case S::kOutcomeUnknown: return to == S::kDone || to == S::kFailed || to == S::kApproved;
    case S::kDone:
    case S::kFailed:
    case S::kDenied: return false;
  }
  return false;
}

bool is_terminal(ActionState state) {
  return state == ActionState::kDone || state == ActionState::kFailed ||
         state == ActionState::kDenied;
}

std::string idempotency_key(std::string_view case_id, std::string_view task_id,
                            std::string_view kind, const nlohmann::json& params) {
  // nlohmann's object keeps keys sorted, so dump() is canonical. Fields are separated by a
  // byte that cannot occur in them so ("a", "bc") and ("ab", "c") differ.
  std::string input;
  for (std::string_view part : {case_id, task_id, kind}) {
    input.append(part);
    input.push_back('\x1f');
  }
  input += params.dump();
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(input.data()), input.size(), nullptr,
                     0);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  for (unsigned char byte : digest) {
    key.push_back(kHex[byte >> 4]);
    key.push_back(kHex[byte & 15]);
  }
  return key;
}

Outbox::Outbox(Store& store, std::string case_id)
    : store_(store), case_id_(std::move(case_id)), collection_("outbox/" + case_id_) {}

StatusOr<std::pair<OutboxAction, bool>> Outbox::add(Transaction& txn, OutboxAction action) {
  action.case_id = case_id_;
  if (action.key.empty()) {
    action.key = idempotency_key(case_id_, action.task_id, action.kind, action.action);
  }
  ASSIGN_OR_RETURN(std::optional<OutboxAction> existing, get(txn, action.key));
  if (existing) return std::make_pair(std::move(*existing), false);
  action.state = ActionState::kProposed;
  ASSIGN_OR_RETURN(PutOutcome outcome,
                   txn.put_if_version(collection_, action.key, to_body(action).dump(), 0));
  (void)outcome;
  action.version = 1;
  return std::make_pair(std::move(action), true);
}

StatusOr<OutboxAction> Outbox::transition(Transaction& txn, std::string_view key, ActionState to,
                                          nlohmann::json result, std::string at) {
  ASSIGN_OR_RETURN(std::optional<OutboxAction> current, get(txn, key));
  if (!current) return not_found("action " + std::string(key) + ": not in the outbox");
  if (!can_transition(current->state, to)) {
    return failed_precondition("action " + std::string(key) + ": cannot go from " +
                               std::string(action_state_name(current->state)) + " to " +
                               std::string(action_state_name(to)));
  }
  OutboxAction next = std::move(*current);
  next.state = to;
  if (!result.is_null()) next.result = std::move(result);
  next.updated_at = std::move(at);
  RETURN_IF_ERROR(
      txn.put_if_version(collection_, next.key, to_body(next).dump(), next.version).status());
  ++next.version;
  return next;
}

StatusOr<std::optional<OutboxAction>> Outbox::get(std::string_view key) {
  ASSIGN_OR_RETURN(std::optional<Record> record, store_.get(collection_, key));
  if (!record) return std::optional<OutboxAction>();
  ASSIGN_OR_RETURN(OutboxAction action, from_record(*record));
  return std::optional<OutboxAction>(std::move(action));
}

StatusOr<std::optional<OutboxAction>> Outbox::get(Transaction& txn, std::string_view key) {
  ASSIGN_OR_RETURN(std::optional<Record> record, txn.get(collection_, key));
  if (!record) return std::optional<OutboxAction>();
  ASSIGN_OR_RETURN(OutboxAction action, from_record(*record));
  return std::optional<OutboxAction>(std::move(action));
}

StatusOr<std::vector<OutboxAction>> Outbox::list() {
  std::vector<OutboxAction> actions;
  RETURN_IF_ERROR(store_.scan(collection_, [&](const Record& record) -> Status {
    ASSIGN_OR_RETURN(OutboxAction action, from_record(record));
    actions.push_back(std::move(action));
    return ok_status();
  }));
  return actions;
}

}  // namespace kontor::store
