#include "crew/case_run.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>

#include "crew/plan.h"

namespace kontor::crew::detail {

using nlohmann::json;

std::string RunEnvironment::now() const {
  return options.now ? options.now() : store::utc_timestamp_now();
}

CaseRun::CaseRun(RunEnvironment& env, std::string case_id)
    : env_(env),
      case_id_(std::move(case_id)),
      journal_(env.store, case_id_),
      outbox_(env.store, case_id_) {}

const Engines& CaseRun::engines() const {
  KONTOR_CHECK(env_.engines != nullptr);  // an agent needs engines the runner was not given
  return *env_.engines;
}

CaseState CaseRun::state() {
  std::lock_guard lock(mutex_);
  return state_;
}

Status CaseRun::create(const NewCase& new_case, const std::string& created_at,
                       const std::function<Status(store::Transaction&)>& also) {
  brief_ = new_case.brief;
  as_of_ = new_case.as_of;
  json tasks = json::array();
  for (const TaskSpec& task : new_case.plan.tasks) tasks.push_back(to_json(task));
  json brief = to_json(new_case.brief);
  // The first tasks start in this commit; run_until_quiet() hands them to the pool, so the
  // run is set up (lease, closing) before any of them runs.
  std::lock_guard lock(mutex_);
  scheduling_ = true;
  auto prepare = [&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    if (also) RETURN_IF_ERROR(also(txn));
    ASSIGN_OR_RETURN(auto existing, txn.get(kCasesCollection, case_id_));
    if (existing) return already_exists("case '" + case_id_ + "': already exists");
    CaseInfo info{case_id_,   new_case.brief.goal, new_case.skill, new_case.as_of.to_string(),
                  created_at, "running",           brief};
    RETURN_IF_ERROR(txn.put(kCasesCollection, case_id_, to_json(info).dump()).status());
    events.push_back({"case.created",
                      {{"case", case_id_},
                       {"goal", new_case.brief.goal},
                       {"skill", new_case.skill},
                       {"as_of", new_case.as_of.to_string()},
                       {"brief", brief},
                       {"tasks", tasks}}});
    for (const Question& q : new_case.brief.questions) {
      events.push_back({"question.asked",
                        {{"question",
                          {{"id", q.id},
                           {"field", q.field},
                           {"text", q.text},
                           {"options", q.options},
                           {"asked_by", q.asked_by}}},
                         {"task", ""}}});
    }
    return ok_status();
  };
  return commit_locked(prepare, held_);
}

Status CaseRun::load() {
  ASSIGN_OR_RETURN(CaseState state, load_case_state(env_.store, case_id_));
  auto brief = brief_from_json(state.brief);
  if (!brief.ok()) return brief.status().with_context("case '" + case_id_ + "': brief");
  auto as_of = Date::parse(state.as_of);
  if (!as_of.ok()) return as_of.status().with_context("case '" + case_id_ + "': as_of");
  std::lock_guard lock(mutex_);
  brief_ = std::move(brief).value();
  as_of_ = *as_of;
  state_ = std::move(state);
  return ok_status();
}

namespace {

// Events after which a pending task may have become ready.
bool may_make_ready(const std::vector<store::JournalEvent>& events) {
  return std::any_of(events.begin(), events.end(), [](const store::JournalEvent& e) {
    return e.type == "case.created" || e.type == "task.done" || e.type == "task.added" ||
           e.type == "task.requeued" || e.type == "task.interrupted";
  });
}

}  // namespace

void CaseRun::stop(Status status) {
  if (fatal_.ok() && !status.ok()) {
    fatal_ = std::move(status);
    stopped_.store(true, std::memory_order_release);
  }
}

Status CaseRun::fail(Status status) {
  stop(std::move(status));
  return fatal_;
}

Status CaseRun::commit(const Prepare& prepare) {
  std::vector<TaskSpec> started;
  Status status;
  {
    std::lock_guard lock(mutex_);
    status = commit_locked(prepare, started);
  }
  dispatch(started);
  return status;
}

Status CaseRun::append_and_apply(store::Transaction& txn, std::vector<PendingEvent>& pending,
                                 const std::string& at, std::vector<store::JournalEvent>& appended,
                                 bool& snapshot_due) {
  std::vector<store::NewEvent> events;
  events.reserve(pending.size());
  for (PendingEvent& p : pending) events.push_back({std::move(p.type), std::move(p.data)});
  auto batch = journal_.append(txn, std::move(events), at);
  if (!batch.ok()) return fail(batch.status());
  for (store::JournalEvent& event : *batch) {
    // The state is changed in place; if the commit fails the run stops (fatal_), so a state
    // ahead of the store is never used.
    Status applied = state_.apply(event);
    if (!applied.ok()) return fail(applied);
    snapshot_due = snapshot_due || (env_.options.snapshot_every > 0 &&
                                    event.seq % env_.options.snapshot_every == 0);
    appended.push_back(std::move(event));
  }
  return ok_status();
}

Status CaseRun::commit_locked(const Prepare& prepare, std::vector<TaskSpec>& started,
                              bool schedule_anyway, bool may_close) {
  if (!fatal_.ok()) return fatal_;
  auto txn = env_.store.begin();
  if (!txn.ok()) return fail(txn.status());
  std::vector<PendingEvent> pending;
  RETURN_IF_ERROR(prepare(**txn, pending));
  if (pending.empty() && !schedule_anyway) return ok_status();  // the transaction rolls back
  const std::string at = env_.now();
  std::vector<store::JournalEvent> appended;
  bool snapshot_due = false;
  RETURN_IF_ERROR(append_and_apply(**txn, pending, at, appended, snapshot_due));
  std::vector<std::string> starting;
  if (scheduling_ && (schedule_anyway || may_make_ready(appended))) {
    std::vector<PendingEvent> starts;
    for (std::string& id : state_.ready_tasks()) {
      starts.push_back({"task.started", {{"task", id}}});
      starting.push_back(std::move(id));
    }
    RETURN_IF_ERROR(append_and_apply(**txn, starts, at, appended, snapshot_due));
  }
  if (appended.empty()) return ok_status();
  std::optional<CaseStatus> closing;
  if (may_close && starting.empty()) RETURN_IF_ERROR(close_if_last(**txn, &closing));
  if (snapshot_due) {
    Status written = journal_.write_snapshot(**txn, {state_.seq, at, state_.to_json()});
    if (!written.ok()) return fail(written);
  }
  Status committed = journal_.commit(**txn);
  if (!committed.ok()) return fail(committed);
  closed_ = closing;  // a commit after the closing one leaves the status to the runner
  if (closing) closer_ = nullptr;
  dispatched_.insert(starting.begin(), starting.end());
  out_.fetch_add(static_cast<int>(starting.size()), std::memory_order_relaxed);
  // The specs travel with the jobs, so a worker starts its agent without taking mutex_.
  for (const std::string& id : starting) started.push_back(state_.task(id)->spec);
  // The events are durable now; a display that fails must not fail the case.
  for (const store::JournalEvent& event : appended) {
    for (Observer* observer : env_.observers) {
      try {
        observer->on_event(event, state_);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "kontor: observer error on %s: %s\n", event.type.c_str(), e.what());
      }
    }
  }
  return ok_status();
}

Status CaseRun::close_if_last(store::Transaction& txn, std::optional<CaseStatus>* closing) {
  if (!closer_ || !fatal_.ok()) return ok_status();
  bool running = std::any_of(state_.tasks.begin(), state_.tasks.end(),
                             [](const TaskRecord& t) { return t.state == TaskState::kRunning; });
  if (running || !state_.ready_tasks().empty()) return ok_status();
  // The outbox's pending actions are in the state too (action events share the outbox's
  // transactions); the runner checks the status against the outbox's own list afterwards.
  bool pending = std::any_of(state_.actions.begin(), state_.actions.end(), [](const auto& a) {
    return a.state == store::ActionState::kAwaitingApproval ||
           a.state == store::ActionState::kOutcomeUnknown;
  });
  const CaseStatus status = case_status(state_, pending);
  Status closed =
      update_case_record(txn, [&](json& record) { record["status"] = case_status_name(status); });
  if (closed.ok()) closed = closer_(txn);
  if (!closed.ok()) return fail(closed);
  *closing = status;
  return ok_status();
}

void CaseRun::close_with_last_commit(std::function<Status(store::Transaction&)> also) {
  std::lock_guard lock(mutex_);
  closer_ = std::move(also);
  closed_.reset();
}

std::optional<CaseStatus> CaseRun::closed() {
  std::lock_guard lock(mutex_);
  return closed_;
}

Status CaseRun::record(std::string type, json data) {
  return commit([&](store::Transaction&, std::vector<PendingEvent>& events) {
    events.push_back({std::move(type), std::move(data)});
    return ok_status();
  });
}

StatusOr<Section> CaseRun::read_section(std::string_view section) {
  ASSIGN_OR_RETURN(auto record, env_.store.get(sections_collection(case_id_), section));
  if (!record) return Section{json::object(), 0};
  ASSIGN_OR_RETURN(SectionRecord stored, section_from_record(*record));
  return Section{std::move(stored.body), stored.version};
}

Status CaseRun::write_section(std::string_view writer, std::string_view section, const json& body,
                              std::int64_t expected_version) {
  if (section.empty()) return invalid_argument("section: empty name");
  const std::string collection = sections_collection(case_id_);
  return commit([&](store::Transaction& txn, std::vector<PendingEvent>& events) -> Status {
    ASSIGN_OR_RETURN(auto current, txn.get(collection, section));
    std::int64_t version = current ? current->version : 0;
    if (version != expected_version) {
      return aborted("section '" + std::string(section) + "': expected version " +
                     std::to_string(expected_version) + ", found " + std::to_string(version) +
                     " (written by a parallel task: re-read and retry)");
    }
    bool same = false;
    if (current) {
      ASSIGN_OR_RETURN(SectionRecord stored, section_from_record(*current));
      same = stored.body == body;
    }
    // A re-run task writing what it wrote before leaves the section (and its version) alone.
    if (!same) {
      json record{{"body", body}, {"writer", writer}, {"at", env_.now()}};
      RETURN_IF_ERROR(txn.put_if_version(collection, section, record.dump(), version).status());
      ++version;
    }
    events.push_back(
        {"section.written", {{"section", section}, {"task", writer}, {"version", version}}});
    return ok_status();
  });
}

Status CaseRun::add_task(std::string_view by, const TaskSpec& task) {
  if (task.id.empty()) return invalid_argument("add_task: empty id");
  if (!env_.agents.contains(task.agent)) {
    return invalid_argument("task '" + task.id + "': agent '" + task.agent + "' not registered");
  }
  return commit([&](store::Transaction&, std::vector<PendingEvent>& events) -> Status {
    if (state_.task(task.id) != nullptr) return ok_status();  // re-run: already added
    for (const std::string& dep : task.after) {
      if (state_.task(dep) == nullptr) {
        return invalid_argument("task '" + task.id + "': after: unknown task '" + dep + "'");
      }
    }
    events.push_back({"task.added", {{"task", to_json(task)}, {"by", by}}});
    return ok_status();
  });
}

Status CaseRun::ask(std::string_view task_id, const Question& q, bool* answered) {
  if (q.id.empty()) return invalid_argument("question: empty id");
  return commit([&](store::Transaction&, std::vector<PendingEvent>& events) -> Status {
    const QuestionRecord* existing = state_.question(q.id);
    *answered = existing != nullptr && existing->answer.has_value();
    if (existing != nullptr) return ok_status();
    events.push_back({"question.asked",
                      {{"question",
                        {{"id", q.id},
                         {"field", q.field},
                         {"text", q.text},
                         {"options", q.options},
                         {"asked_by", q.asked_by}}},
                       {"task", task_id}}});
    return ok_status();
  });
}

void CaseRun::progress(std::string_view task_id, std::int64_t done, std::int64_t total,
                       std::string_view what) {
  std::lock_guard lock(mutex_);
  for (Observer* observer : env_.observers) {
    observer->on_progress(state_, task_id, done, total, what);
  }
}

void CaseRun::dispatch(std::vector<TaskSpec> tasks, std::size_t from, bool wake) {
  for (std::size_t i = from; i < tasks.size(); ++i) {
    env_.pool.submit([this, task = std::move(tasks[i])]() mutable { work(std::move(task)); }, wake);
  }
}

bool CaseRun::short_enough_to_keep(const std::vector<TaskSpec>& started) const {
  // A group commit runs up to this many queued jobs before it commits (task_context.cc).
  constexpr std::size_t kMaxKept = 8;
  if (started.size() < 2 || started.size() - 1 > kMaxKept) return false;
  const std::chrono::nanoseconds limit = env_.options.run_short_tasks_here;
  return std::all_of(started.begin(), started.end(),
                     [&](const TaskSpec& t) { return env_.times.is_short(t.agent, limit); });
}

void CaseRun::work(TaskSpec task) {
  std::optional<TaskSpec> current(std::move(task));
  while (current) {
    std::optional<TaskSpec> next;
    bool queued = false;
    Status status = run_task(*current, &next, &queued);
    // A queued end leaves dispatched_ with its group commit, which also recorded any failure.
    if (queued) {
      current = std::move(next);
      continue;
    }
    {
      std::lock_guard lock(finish_mutex_);  // no longer out (see out_)
      if (out_.fetch_sub(1, std::memory_order_relaxed) == 1) finished_.notify_all();
    }
    std::lock_guard lock(mutex_);
    stop(std::move(status));
    dispatched_.erase(current->id);
    if (dispatched_.empty()) changed_.notify_all();
    current.reset();
  }
}

Status CaseRun::run_until_quiet() {
  std::vector<TaskSpec> started;
  {
    std::lock_guard lock(mutex_);
    scheduling_ = true;
    started.swap(held_);
    Status status = state_.ready_tasks().empty()
                        ? ok_status()
                        : commit_locked([](store::Transaction&,
                                           std::vector<PendingEvent>&) { return ok_status(); },
                                        started,
                                        /*schedule_anyway=*/true);
    stop(std::move(status));
  }
  // This thread runs the first task itself (a chain then runs here without a hand-off) and
  // helps with the queued ones rather than sleep while a worker wakes up for them; it waits
  // only when the queue is empty and tasks are still running elsewhere.
  if (!started.empty()) {
    const bool wake = !short_enough_to_keep(started);
    TaskSpec first = std::move(started.front());
    dispatch(std::move(started), 1, wake);
    work(std::move(first));
  }
  std::unique_lock lock(mutex_);
  while (!dispatched_.empty()) {
    lock.unlock();
    bool ran = env_.pool.run_one();
    lock.lock();
    if (!ran && !dispatched_.empty()) {
      // Later tasks are queued by workers, which run them: nothing left for this thread.
      changed_.wait(lock, [&] { return dispatched_.empty(); });
    }
  }
  scheduling_ = false;
  return fatal_;
}

}  // namespace kontor::crew::detail
