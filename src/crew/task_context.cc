// The TaskContext the runner hands to an agent for one attempt of one task, and the task's
// life cycle around the agent's run().
#include <exception>

#include "crew/case_run.h"

namespace kontor::crew::detail {
namespace {

using nlohmann::json;

class RunningTask final : public TaskContext {
 public:
  RunningTask(CaseRun& run, const TaskSpec& task) : run_(run), task_(task) {}

  const Brief& brief() const override { return run_.brief(); }
  const Engines& engines() const override { return run_.engines(); }
  Date as_of() const override { return run_.as_of(); }
  StatusOr<Section> read(std::string_view section) override { return run_.read_section(section); }
  Status write(std::string_view section, const json& body,
               std::int64_t expected_version) override {
    return run_.write_section(task_.id, section, body, expected_version);
  }
  Status add_task(const TaskSpec& task) override { return run_.add_task(task_.id, task); }
  Status ask(const Question& question) override {
    bool answered = false;
    RETURN_IF_ERROR(run_.ask(task_.id, question, &answered));
    if (!answered) unanswered_.push_back(question.id);
    return ok_status();
  }
  Status propose(const ProposedAction& action) override {
    ASSIGN_OR_RETURN(std::string key, run_.propose(task_.id, action));
    proposed_.push_back(std::move(key));
    return ok_status();
  }
  void progress(std::int64_t done, std::int64_t total, std::string_view what) override {
    run_.progress(task_.id, done, total, what);
  }

  const std::vector<std::string>& unanswered() const { return unanswered_; }
  const std::vector<std::string>& proposed() const { return proposed_; }

 private:
  CaseRun& run_;
  const TaskSpec& task_;
  std::vector<std::string> unanswered_;
  std::vector<std::string> proposed_;
};

}  // namespace

Status CaseRun::run_task(const std::string& task_id) {
  TaskSpec spec;
  {
    std::lock_guard lock(mutex_);
    const TaskRecord* task = state_.task(task_id);
    if (task == nullptr) return internal_error("task '" + task_id + "': vanished");
    spec = task->spec;
  }
  RETURN_IF_ERROR(record("task.started", {{"task", task_id}}));
  RunningTask context(*this, spec);
  Status result;
  auto agent = env_.agents.make(spec.agent);
  if (!agent.ok()) {
    result = agent.status();
  } else {
    try {
      result = (*agent)->run(spec, context);
    } catch (const std::exception& e) {
      result = internal_error(std::string("agent '") + spec.agent + "' threw: " + e.what());
    }
  }
  {
    std::lock_guard lock(mutex_);
    if (!fatal_.ok()) return fatal_;  // the store failed under the agent: stop, resume later
  }
  if (!result.ok()) {
    RETURN_IF_ERROR(record("task.failed", {{"task", task_id}, {"error", result.to_string()}}));
  } else if (!context.unanswered().empty()) {
    RETURN_IF_ERROR(
        record("task.waiting", {{"task", task_id}, {"questions", context.unanswered()}}));
  } else {
    RETURN_IF_ERROR(record("task.done", {{"task", task_id}}));
  }
  for (const std::string& key : context.proposed()) RETURN_IF_ERROR(execute_if_approved(key));
  return ok_status();
}

Status CaseRun::answer(std::string_view question_id, std::string_view text) {
  {
    std::lock_guard lock(mutex_);
    QuestionRecord* q = state_.question(question_id);
    if (q == nullptr) {
      return not_found("question '" + std::string(question_id) + "': not asked in case '" +
                       case_id_ + "'");
    }
    if (q->answer) {
      return failed_precondition("question '" + std::string(question_id) +
                                 "': already answered: " + *q->answer);
    }
  }
  // The answer becomes readable by the agent before the task is re-queued.
  Status written = aborted("");
  for (int attempt = 0; attempt < 16 && written.code() == StatusCode::kAborted; ++attempt) {
    ASSIGN_OR_RETURN(Section answers, read_section(kAnswersSection));
    json body = answers.version == 0 ? json::object() : answers.body;
    body[std::string(question_id)] = text;  // {"hs.code": "961700"}: what agents read
    written = write_section("human", kAnswersSection, body, answers.version);
  }
  RETURN_IF_ERROR(written);
  return commit([&](store::Transaction&, std::vector<PendingEvent>& events) -> Status {
    events.push_back({"question.answered", {{"question", question_id}, {"answer", text}}});
    for (const TaskRecord& task : state_.tasks) {
      if (task.state != TaskState::kWaiting) continue;
      bool still_waiting = false;
      for (const std::string& id : task.waiting_on) {
        const QuestionRecord* q = state_.question(id);
        if (id != question_id && (q == nullptr || !q->answer)) still_waiting = true;
      }
      if (!still_waiting) {
        events.push_back({"task.requeued", {{"task", task.spec.id}, {"answered", question_id}}});
      }
    }
    return ok_status();
  });
}

Status CaseRun::save_status(CaseStatus status) {
  ASSIGN_OR_RETURN(auto txn, env_.store.begin());
  ASSIGN_OR_RETURN(auto record, txn->get(kCasesCollection, case_id_));
  if (!record) return not_found("case '" + case_id_ + "': record missing");
  json body = json::parse(record->body, nullptr, false);
  if (body.is_discarded()) return data_loss("cases/" + case_id_ + ": not JSON");
  body["status"] = case_status_name(status);
  RETURN_IF_ERROR(txn->put(kCasesCollection, case_id_, body.dump()).status());
  return txn->commit();
}

StatusOr<CaseSummary> CaseRun::summary() {
  CaseSummary summary;
  summary.case_id = case_id_;
  summary.state = state();
  summary.blocked = summary.state.blocked_tasks();
  ASSIGN_OR_RETURN(summary.actions, outbox_.list());
  bool failed = false;
  bool all_done = true;
  for (const TaskRecord& task : summary.state.tasks) {
    failed = failed || task.state == TaskState::kFailed;
    all_done = all_done && task.state == TaskState::kDone;
  }
  bool open = !summary.open_questions().empty() || !summary.pending_approvals().empty();
  summary.status = failed               ? CaseStatus::kFailed
                   : (!all_done || open) ? CaseStatus::kWaiting
                                         : CaseStatus::kCompleted;
  return summary;
}

}  // namespace kontor::crew::detail
