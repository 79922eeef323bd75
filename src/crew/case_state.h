// CaseState: what the runner knows about a case — its tasks and their states, the questions
// asked and answered, the actions and where they are — rebuilt by folding the journal's events
// (store/journal.h) over the latest snapshot. The state is a pure function of the events: the
// runner changes it only by appending an event and applying it here, which is what makes
// resume() after a crash land exactly where the last committed event left the case.
// Event types and their data: docs/journal.md.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "crew/agent.h"
#include "crew/brief.h"
#include "store/journal.h"
#include "store/outbox.h"

namespace kontor::crew {

enum class TaskState { kPending, kRunning, kWaiting, kDone, kFailed };
std::string_view task_state_name(TaskState state);  // "pending", "running", …
std::optional<TaskState> parse_task_state(std::string_view name);

struct TaskRecord {
  TaskSpec spec;
  TaskState state = TaskState::kPending;
  int attempts = 0;                     // times started
  std::string error;                    // of the last failure
  std::vector<std::string> waiting_on;  // question ids, while kWaiting
  std::string added_by;                 // "" for plan tasks, else the task that added it
};

struct QuestionRecord {
  Question question;
  std::string task_id;  // "" when asked outside a task (intake)
  std::optional<std::string> answer;
};

struct ActionRecord {
  std::string key;
  std::string task_id;
  std::string kind;
  store::ActionState state = store::ActionState::kProposed;
};

struct CaseState {
  std::string case_id;
  std::string goal;
  std::string skill;
  std::string as_of;                                // YYYY-MM-DD
  nlohmann::json brief = nlohmann::json::object();  // crew/brief.h JSON form
  std::vector<TaskRecord> tasks;                    // plan order, then added tasks
  std::vector<QuestionRecord> questions;            // asking order
  std::vector<ActionRecord> actions;                // proposal order
  std::int64_t seq = 0;                             // last event applied

  // Folds one event in; events must come in sequence order. A malformed event is kDataLoss
  // naming its sequence number.
  Status apply(const store::JournalEvent& event);

  TaskRecord* task(std::string_view id);
  const TaskRecord* task(std::string_view id) const;
  QuestionRecord* question(std::string_view id);
  ActionRecord* action(std::string_view key);
  // Pending tasks whose dependencies are all done, in plan order.
  std::vector<std::string> ready_tasks() const;
  // Tasks that cannot run until something else happens: pending with a dependency that failed
  // or is waiting (directly or through another blocked task).
  std::vector<std::string> blocked_tasks() const;

  nlohmann::json to_json() const;
  static StatusOr<CaseState> from_json(const nlohmann::json& json);
};

}  // namespace kontor::crew
