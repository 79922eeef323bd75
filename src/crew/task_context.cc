// The TaskContext the runner hands to an agent for one attempt of one task, and the task's
// life cycle around the agent's run().
#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>

#include "crew/case_run.h"
#include "crew/intake.h"

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
  Status write(std::string_view section, const json& body, std::int64_t expected_version) override {
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

// At most this many queued jobs run before a group commit (bounds how many task ends a crash
// can make re-run, and how long the progress display lags).
constexpr int kMaxRunBeforeGroupCommit = 8;

}  // namespace

Status CaseRun::run_task(const TaskSpec& spec, std::optional<TaskSpec>* next, bool* queued) {
  if (stopped_.load(std::memory_order_acquire)) {
    std::lock_guard lock(mutex_);
    return fatal_;
  }
  // task.started was committed by whoever made the task ready (see case_run.h).
  RunningTask context(*this, spec);
  Status result;
  auto agent = env_.agents.make(spec.agent);
  if (!agent.ok()) {
    result = agent.status();
  } else {
    const auto began = std::chrono::steady_clock::now();
    try {
      result = (*agent)->run(spec, context);
    } catch (const std::exception& e) {
      result = internal_error(std::string("agent '") + spec.agent + "' threw: " + e.what());
    }
    env_.times.record(spec.agent, std::chrono::steady_clock::now() - began);
  }
  FinishedTask finished{spec.id, {}, context.proposed()};
  if (!result.ok()) {
    finished.event = {"task.failed", {{"task", spec.id}, {"error", result.to_string()}}};
  } else if (!context.unanswered().empty()) {
    finished.event = {"task.waiting", {{"task", spec.id}, {"questions", context.unanswered()}}};
  } else {
    finished.event = {"task.done", {{"task", spec.id}}};
  }
  *queued = true;
  return finish_task(std::move(finished), next);
}

void CaseRun::wait_for_siblings() {
  const auto wait = env_.options.group_commit_wait;
  if (wait.count() <= 0) return;
  std::unique_lock lock(finish_mutex_);
  finished_.wait_for(lock, wait, [&] { return out_.load(std::memory_order_relaxed) <= 0; });
}

Status CaseRun::finish_task(FinishedTask finished, std::optional<TaskSpec>* next) {
  {
    std::lock_guard lock(finish_mutex_);
    finishing_.push_back(std::move(finished));
    if (out_.fetch_sub(1, std::memory_order_relaxed) == 1) finished_.notify_all();
    if (committing_finished_) return ok_status();  // that worker commits it with its group
    committing_finished_ = true;
  }
  group_commit(next);
  return ok_status();
}

void CaseRun::group_commit(std::optional<TaskSpec>* next) {
  std::vector<std::string> ended;     // committed (or dropped by a failed run) by this call
  std::vector<std::string> proposed;  // actions of the tasks committed, executed afterwards
  bool handed_off = false;
  while (true) {
    // Jobs still queued in the pool wait for a thread anyway (every worker is busy): running
    // a few of them first lets their ends join this group instead of each needing a commit;
    // so does a short wait for the siblings running on other threads.
    for (int i = 0; i < kMaxRunBeforeGroupCommit && env_.pool.run_one(); ++i) {
    }
    wait_for_siblings();
    std::vector<FinishedTask> batch;
    {
      std::lock_guard lock(finish_mutex_);
      if (finishing_.empty()) {
        committing_finished_ = false;
        break;
      }
      batch.swap(finishing_);
    }
    std::vector<TaskSpec> started;
    Status committed = commit_finished(batch, started);
    // Keep one of the tasks the commit started for this thread; the others go to the pool,
    // waking workers unless they are all short (this thread then runs them after its own).
    std::size_t from = 0;
    bool wake = true;
    if (!next->has_value() && !started.empty()) {
      wake = !short_enough_to_keep(started);
      *next = started[from++];
    }
    dispatch(std::move(started), from, wake);
    for (const FinishedTask& task : batch) {
      ended.push_back(task.task_id);
      if (!committed.ok()) continue;
      proposed.insert(proposed.end(), task.proposed.begin(), task.proposed.end());
    }
    if (next->has_value()) {
      // Ends queued meanwhile would wait here for the task this thread now holds (which is
      // out, and may be long): a pool job commits them instead, waiting for it as a sibling.
      std::lock_guard lock(finish_mutex_);
      handed_off = !finishing_.empty();
      if (!handed_off) committing_finished_ = false;
      break;
    }
  }
  if (handed_off) env_.pool.submit([this] { group_commit_job(); });
  for (const std::string& key : proposed) {
    Status executed = execute_if_approved(key);
    if (!executed.ok()) {
      std::lock_guard lock(mutex_);
      stop(std::move(executed));
    }
  }
  // Only now: the run is quiet when dispatched_ is empty, actions included.
  std::lock_guard lock(mutex_);
  for (const std::string& id : ended) dispatched_.erase(id);
  if (dispatched_.empty()) changed_.notify_all();
}

void CaseRun::group_commit_job() {
  std::optional<TaskSpec> next;
  group_commit(&next);
  if (next) work(std::move(*next));
}

Status CaseRun::commit_finished(std::vector<FinishedTask>& batch, std::vector<TaskSpec>& started) {
  // Actions proposed by the batch are executed after its commit, so that one cannot be last.
  const bool may_close = std::all_of(batch.begin(), batch.end(),
                                     [](const FinishedTask& t) { return t.proposed.empty(); });
  std::lock_guard lock(mutex_);
  return fail(commit_locked(
      [&](store::Transaction&, std::vector<PendingEvent>& events) {
        for (FinishedTask& task : batch) events.push_back(std::move(task.event));
        return ok_status();
      },
      started, /*schedule_anyway=*/false, may_close));
}

namespace {

// A failed task failed for want of this answer when its error names the question or the brief
// field the question settles ("failed_precondition: brief.destination: no market to ship to").
bool failed_for_want_of(const TaskRecord& task, const Question& question) {
  if (task.state != TaskState::kFailed) return false;
  if (task.error.find(question.id) != std::string::npos) return true;
  return !question.field.empty() &&
         task.error.find("brief." + question.field + ":") != std::string::npos;
}

bool is_brief_field(std::string_view field) {
  const auto& names = brief_field_names();
  return std::find(names.begin(), names.end(), field) != names.end();
}

}  // namespace

Status CaseRun::answer(std::string_view question_id, std::string_view text) {
  Question question;
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
    question = q->question;
  }
  // An answer that settles a brief field goes into the brief, or is refused before anything
  // is written when the brief cannot take it.
  std::optional<Brief> brief;
  if (is_brief_field(question.field)) {
    brief = brief_;
    Status applied = apply_field(*brief, question.field, text, as_of_, IntakeOptions{env_.intake});
    if (!applied.ok()) return applied.with_context("question '" + question.id + "'");
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
  RETURN_IF_ERROR(commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    events.push_back({"question.answered", {{"question", question_id}, {"answer", text}}});
    if (brief) {
      json brief_json = to_json(*brief);
      RETURN_IF_ERROR(update_case_record(txn, [&](json& record) { record["brief"] = brief_json; }));
      events.push_back({"brief.updated",
                        {{"field", question.field},
                         {"question", question_id},
                         {"brief", std::move(brief_json)}}});
    }
    for (const TaskRecord& task : state_.tasks) {
      bool requeue = false;
      if (task.state == TaskState::kWaiting) {
        requeue = std::none_of(task.waiting_on.begin(), task.waiting_on.end(),
                               [&](const std::string& id) {
                                 const QuestionRecord* q = state_.question(id);
                                 return id != question_id && (q == nullptr || !q->answer);
                               });
      } else {
        requeue = failed_for_want_of(task, question);
      }
      if (requeue) {
        events.push_back({"task.requeued", {{"task", task.spec.id}, {"answered", question_id}}});
      }
    }
    return ok_status();
  }));
  std::lock_guard lock(mutex_);
  if (brief) brief_ = std::move(*brief);
  return ok_status();
}

Status CaseRun::update_case_record(store::Transaction& txn,
                                   const std::function<void(json&)>& change) {
  ASSIGN_OR_RETURN(auto record, txn.get(kCasesCollection, case_id_));
  if (!record) return not_found("case '" + case_id_ + "': record missing");
  json body = json::parse(record->body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return data_loss("cases/" + case_id_ + ": not a JSON object");
  }
  change(body);
  return txn.put(kCasesCollection, case_id_, body.dump()).status();
}

Status CaseRun::save_status(CaseStatus status,
                            const std::function<Status(store::Transaction&)>& also) {
  ASSIGN_OR_RETURN(auto txn, env_.store.begin());
  RETURN_IF_ERROR(
      update_case_record(*txn, [&](json& record) { record["status"] = case_status_name(status); }));
  if (also) RETURN_IF_ERROR(also(*txn));
  return txn->commit();
}

StatusOr<CaseSummary> CaseRun::summary() {
  CaseSummary summary;
  summary.case_id = case_id_;
  summary.state = state();
  summary.blocked = summary.state.blocked_tasks();
  ASSIGN_OR_RETURN(summary.actions, outbox_.list());
  summary.status = case_status(summary.state, !summary.pending_approvals().empty());
  return summary;
}

CaseStatus case_status(const CaseState& state, bool pending_approvals) {
  bool failed = false;
  bool all_done = true;
  for (const TaskRecord& task : state.tasks) {
    failed = failed || task.state == TaskState::kFailed;
    all_done = all_done && task.state == TaskState::kDone;
  }
  bool open = pending_approvals || std::any_of(state.questions.begin(), state.questions.end(),
                                               [](const QuestionRecord& q) { return !q.answer; });
  return failed                ? CaseStatus::kFailed
         : (!all_done || open) ? CaseStatus::kWaiting
                               : CaseStatus::kCompleted;
}

}  // namespace kontor::crew::detail
