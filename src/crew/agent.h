// Agent: one member of the crew, a small class with one job (research, sourcing, compliance,
// logistics, finance, listing, negotiation). The runner calls run() for each ready task naming
// the agent; the agent reads and writes Case sections through its TaskContext and never touches
// the store, the outbox or the terminal directly, which is what lets the runner journal every
// effect, run tasks in parallel and resume after a crash.
//
// Contract for agents (the runner relies on it):
// - run() is deterministic given the brief, the sections it reads and the engines: a task that
//   was interrupted is simply run again on resume, so writing the same section body twice must
//   be harmless (a section is owned by one task, or keyed by the writer inside its body).
// - Anything that leaves the process is proposed as an Action, never done inline.
// - A missing fact the agent cannot decide is a Question (ask()), not a guess.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "crew/brief.h"

namespace kontor::crew {

struct Engines;  // crew/engines.h: reference data, catalog search, classifier, rate cards…

// One node of a plan: which agent runs, after which tasks, with what parameters.
struct TaskSpec {
  std::string id;                  // unique in the case: "sourcing", "landed_cost.sea_fcl"
  std::string agent;               // registry name of the agent: "sourcing"
  std::vector<std::string> after;  // ids of tasks that must be done first
  nlohmann::json params = nlohmann::json::object();
  std::string title;  // one line for the progress board: "Find suppliers"
};

// A section as stored: its JSON body and the version the next conditional write must name.
struct Section {
  nlohmann::json body;
  std::int64_t version = 0;  // 0: the section does not exist yet
};

// Something that would leave the process: send an RFQ, accept a quote, pay a deposit, book
// freight, message the user. Policy decides whether it runs, waits for approval or is denied.
struct ProposedAction {
  std::string kind;          // "rfq.send", "quote.accept", "payment.deposit", "freight.book"
  std::string counterparty;  // supplier id, forwarder, …
  std::optional<Money> amount;
  std::string reference;  // what it is about: offer id, RFQ number
  nlohmann::json params = nlohmann::json::object();
  std::string reason;  // why the agent proposes it, shown to the approver
};

class TaskContext {
 public:
  virtual ~TaskContext() = default;
  virtual const Brief& brief() const = 0;
  virtual const Engines& engines() const = 0;
  // The case's "today" (fixed for a case so that reruns compute the same figures).
  virtual Date as_of() const = 0;
  virtual StatusOr<Section> read(std::string_view section) = 0;
  // Stores `body` if the section is still at `expected_version` (0: must not exist yet);
  // aborted when another task wrote it in between. The runner records the writer (task id) and
  // time with the write.
  virtual Status write(std::string_view section, const nlohmann::json& body,
                       std::int64_t expected_version) = 0;
  // Adds a task to the running plan (e.g. "request the test report from the supplier"); a task
  // id that already exists is ignored, so reruns do not duplicate it.
  virtual Status add_task(const TaskSpec& task) = 0;
  // Escalations wait durably; the case continues with the tasks that do not need the answer.
  virtual Status ask(const Question& question) = 0;
  virtual Status propose(const ProposedAction& action) = 0;
  // Progress for long steps: `done` of `total` units, e.g. 120 of 400 offers quoted.
  virtual void progress(std::int64_t done, std::int64_t total, std::string_view what) = 0;
};

class Agent {
 public:
  virtual ~Agent() = default;
  virtual std::string_view name() const = 0;
  virtual Status run(const TaskSpec& task, TaskContext& context) = 0;
};

// Read-modify-write of one section with retry on conflict: `change` edits the body (an empty
// object when the section does not exist yet) and is called again with fresh data whenever a
// parallel writer got there first. Gives up after `attempts` conflicts.
inline Status update_section(TaskContext& context, std::string_view section,
                             const std::function<Status(nlohmann::json&)>& change,
                             int attempts = 16) {
  for (int i = 0; i < attempts; ++i) {
    ASSIGN_OR_RETURN(Section current, context.read(section));
    nlohmann::json body = current.version == 0 ? nlohmann::json::object() : std::move(current.body);
    RETURN_IF_ERROR(change(body));
    Status written = context.write(section, body, current.version);
    if (written.code() != StatusCode::kAborted) return written;
  }
  return aborted("section '" + std::string(section) + "': still conflicting after " +
                 std::to_string(attempts) + " attempts");
}

}  // namespace kontor::crew
