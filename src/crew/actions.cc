#include "crew/actions.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>

namespace kontor::crew {

using nlohmann::json;

json action_to_json(const ProposedAction& action) {
  json j{{"kind", action.kind},
         {"counterparty", action.counterparty},
         {"reference", action.reference},
         {"params", action.params},
         {"reason", action.reason}};
  if (action.amount) {
    j["amount"] = {{"amount", action.amount->amount_text()},
                   {"currency", std::string(action.amount->currency().code())}};
  }
  return j;
}

json action_identity(const json& action_json) {
  json identity = action_json;
  identity.erase("reason");  // rewording the reason does not make it another action
  return identity;
}

PolicyDecision AmountNeedsApprovalPolicy::decide(std::string_view, std::string_view,
                                                 const ProposedAction& action) {
  if (action.amount) {
    return {PolicyVerdict::kNeedsApproval, "moves money: " + action.amount->to_string()};
  }
  return {PolicyVerdict::kAllow, "no amount involved"};
}

StatusOr<json> RecordingExecutor::execute(const store::OutboxAction& action) {
  std::lock_guard lock(mutex_);
  if (log_path_.empty()) {
    ++counts_[action.key];
  } else {
    int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) return unavailable("executor log " + log_path_ + ": cannot open");
    std::string line = action.key + "\t" + action.kind + "\n";
    bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::fsync(fd);
    ::close(fd);
    if (!written) return internal_error("executor log " + log_path_ + ": short write");
  }
  return json{{"executed", action.kind}, {"key", action.key}};
}

ExecutionLookup RecordingExecutor::lookup(const store::OutboxAction& action) {
  auto counts = executions();
  if (counts.contains(action.key)) {
    return {ExecutionLookup::Found::kExecuted,
            json{{"executed", action.kind}, {"key", action.key}}};
  }
  return {ExecutionLookup::Found::kNotExecuted, nullptr};
}

std::map<std::string, int> RecordingExecutor::executions() const {
  std::lock_guard lock(mutex_);
  if (log_path_.empty()) return counts_;
  std::map<std::string, int> counts;
  std::ifstream in(log_path_);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) ++counts[line.substr(0, line.find('\t'))];
  }
  return counts;
}

int RecordingExecutor::total_executions() const {
  int total = 0;
  for (const auto& [key, n] : executions()) total += n;
  return total;
}

}  // namespace kontor::crew
