// Internal to the runner (runner.cc, case_run.cc, task_context.cc): one case being run. Holds
// the case's state under one mutex; every change goes through commit(), which appends the
// events, applies them to the state, writes a snapshot when due, commits the store
// transaction and then tells the observers — all in journal order.
//
// Scheduling rides on the commits: once scheduling is on, a commit whose events make tasks
// ready (case created, task done/added/requeued/interrupted) journals their `task.started` in
// the same transaction and hands them to the pool after it is durable. A worker that finishes
// a task keeps one of the tasks its commit started and runs it next itself, so a chain runs on
// one thread with one transaction per step and no scheduler wake-up in between. When every
// task a commit starts belongs to an agent known to be short (TaskTimes,
// RunnerOptions::run_short_tasks_here), the others are queued without waking a worker: this
// thread runs them after its own, before it commits their ends (a fan-out of no-op tasks then
// makes no thread hand-off at all).
//
// Finished tasks are group-committed: a worker whose task ends queues its `task.done` (failed,
// waiting) and, unless a commit of finished tasks is already under way, commits the queue in
// one transaction — repeatedly, while workers keep queueing and it holds no task to run (then
// a pool job goes on committing). A worker that queued behind a
// commit in progress goes on with other work at once; its task stays `running` (in the journal
// and in dispatched_) until the group commit lands. A crash before that commit leaves the tasks
// re-runnable (resume re-runs `running` tasks), never half-recorded; the actions they proposed
// are executed by the committing worker after the commit, as a single task's would be. Before
// committing, the worker waits up to RunnerOptions::group_commit_wait for the tasks still out
// (started, end not queued yet), so that siblings finishing together share one commit.
//
// Closing: the commit after which no task is running or ready and no proposed action waits
// to be executed is the run's last; with close_with_last_commit() it also writes the case's
// status into its record and runs the given writes (the runner gives up its lease there).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crew/runner.h"
#include "crew/runner_task_times.h"
#include "crew/thread_pool.h"
#include "store/journal.h"
#include "store/outbox.h"

namespace kontor::crew::detail {

struct PendingEvent {
  std::string type;
  nlohmann::json data;
};

// A task whose agent returned, waiting for the group commit of its end.
struct FinishedTask {
  std::string task_id;
  PendingEvent event;                 // task.done | task.failed | task.waiting
  std::vector<std::string> proposed;  // keys of the actions it proposed
};

// A case's status: failed when a task failed; waiting while a task is not done or a question
// or an approval (`pending_approvals`: awaiting approval or outcome unknown) is open.
CaseStatus case_status(const CaseState& state, bool pending_approvals);

// What every case run of one Runner shares.
struct RunEnvironment {
  store::Store& store;
  const AgentRegistry& agents;
  const Engines* engines;
  Policy& policy;
  ActionExecutor& executor;
  const RunnerOptions& options;
  const std::vector<Observer*>& observers;
  ThreadPool& pool;
  const Intake* intake;  // null: apply_field loads one from the environment
  TaskTimes& times;      // how long each agent's runs take (lazy wake-ups)
  std::string now() const;
};

class CaseRun {
 public:
  CaseRun(RunEnvironment& env, std::string case_id);

  // `also` adds writes to the creating transaction (the runner takes the case's lease there).
  // The transaction also starts the first tasks; run_until_quiet() runs them.
  Status create(const NewCase& new_case, const std::string& created_at,
                const std::function<Status(store::Transaction&)>& also = {});
  Status load();  // snapshot + journal, then decodes the brief and as-of date

  using Prepare = std::function<Status(store::Transaction&, std::vector<PendingEvent>&)>;
  // Runs `prepare` in a store transaction; when it adds events, appends and commits them. A
  // storage failure stops the run (fatal); an error from `prepare` is returned as is.
  Status commit(const Prepare& prepare);
  Status record(std::string type, nlohmann::json data);

  // Interrupted tasks back to pending; approved actions executed; executing ones reconciled.
  Status recover();
  // Starts the ready tasks and waits until none is running and none is ready.
  Status run_until_quiet();
  StatusOr<CaseSummary> summary();
  // Writes the status cache of the case record; `also` adds writes to the same transaction.
  Status save_status(CaseStatus status,
                     const std::function<Status(store::Transaction&)>& also = {});
  // See "Closing" above; `also` runs at most once, in the last commit.
  void close_with_last_commit(std::function<Status(store::Transaction&)> also);
  // The status the last commit recorded; nullopt when no commit closed the run, or a commit
  // came after it.
  std::optional<CaseStatus> closed();

  // Used by the task context and by answer/approve/deny.
  StatusOr<Section> read_section(std::string_view section);
  Status write_section(std::string_view writer, std::string_view section,
                       const nlohmann::json& body, std::int64_t expected_version);
  Status add_task(std::string_view by, const TaskSpec& task);
  // Sets *answered when the question already has an answer (nothing is asked then).
  Status ask(std::string_view task_id, const Question& question, bool* answered);
  StatusOr<std::string> propose(std::string_view task_id, const ProposedAction& action);
  Status execute_if_approved(const std::string& key);
  Status reconcile(const store::OutboxAction& action);
  void progress(std::string_view task_id, std::int64_t done, std::int64_t total,
                std::string_view what);
  Status answer(std::string_view question_id, std::string_view text);
  Status decide(std::string_view key_or_prefix, bool approve, std::string_view reason);

  const std::string& case_id() const { return case_id_; }
  const Brief& brief() const { return brief_; }
  Date as_of() const { return as_of_; }
  const Engines& engines() const;
  CaseState state();

 private:
  // Under mutex_. `started` receives the tasks this commit started (already in dispatched_);
  // with `schedule_anyway` a commit without events of its own still starts ready tasks; with
  // `may_close` it closes the run when it is the last (see above).
  Status commit_locked(const Prepare& prepare, std::vector<TaskSpec>& started,
                       bool schedule_anyway = false, bool may_close = false);
  // Under mutex_, in the commit's transaction: records the status and runs closer_ when no
  // task is running or ready (*closing is then set).
  Status close_if_last(store::Transaction& txn, std::optional<CaseStatus>* closing);
  // Waits (bounded) until no task is out but those whose ends are queued.
  void wait_for_siblings();
  Status append_and_apply(store::Transaction& txn, std::vector<PendingEvent>& pending,
                          const std::string& at, std::vector<store::JournalEvent>& appended,
                          bool& snapshot_due);
  // Under mutex_: stops the run with `status` when it is an error (the first error wins);
  // fail() also returns the run's error (ok while there is none).
  void stop(Status status);
  Status fail(Status status);
  // wake = false: the calling thread runs started[from - 1] next and then the queued ones
  // itself (see short_enough_to_keep); a worker is woken per task otherwise.
  void dispatch(std::vector<TaskSpec> tasks, std::size_t from = 0, bool wake = true);
  // True when every task of `started` (the first is the one this thread runs next) is short
  // (RunnerOptions::run_short_tasks_here) and few enough for this thread to run them all
  // before it commits their ends.
  bool short_enough_to_keep(const std::vector<TaskSpec>& started) const;
  // A pool job: runs the task, then the task it chose to continue with, and so on.
  void work(TaskSpec task);
  // Runs one started task's agent and queues its end for the group commit (*queued is then
  // true); *next: a task started by a group commit this call made, to run now.
  Status run_task(const TaskSpec& task, std::optional<TaskSpec>* next, bool* queued);
  // Queues `finished`; commits the queue unless another worker is committing it.
  Status finish_task(FinishedTask finished, std::optional<TaskSpec>* next);
  // Holding the committing role: commits the queue until it is empty, or until a commit gave
  // this thread a task to run (*next) — then a pool job (group_commit_job) takes the role
  // over when ends are still queued.
  void group_commit(std::optional<TaskSpec>* next);
  void group_commit_job();
  // One group commit of `batch` (the run's error when it fails).
  Status commit_finished(std::vector<FinishedTask>& batch, std::vector<TaskSpec>& started);
  Status execute_action(const std::string& key);
  StatusOr<std::string> resolve_action_key(std::string_view key_or_prefix);
  // Reads, changes and writes the case's record (a cache of the brief and status) in `txn`.
  Status update_case_record(store::Transaction& txn,
                            const std::function<void(nlohmann::json&)>& change);

  RunEnvironment& env_;
  std::string case_id_;
  store::Journal journal_;
  store::Outbox outbox_;
  Brief brief_;
  Date as_of_;

  std::mutex mutex_;  // guards everything below; taken before the store's own lock
  std::condition_variable changed_;
  CaseState state_;
  std::set<std::string> dispatched_;  // started by this run, end not yet committed
  std::vector<TaskSpec> held_;        // started by create(), handed to the pool by run_until_quiet
  bool scheduling_ = false;
  std::function<Status(store::Transaction&)> closer_;
  std::optional<CaseStatus> closed_;
  Status fatal_;
  std::atomic<bool> stopped_{false};  // !fatal_.ok(), readable without mutex_

  std::mutex finish_mutex_;  // guards the two below; never held with mutex_
  std::vector<FinishedTask> finishing_;
  bool committing_finished_ = false;
  // Tasks started by this run whose end is not queued yet: raised by the commit that starts
  // them, lowered under finish_mutex_ (with finished_ notified) when the end is queued.
  std::atomic<int> out_{0};
  std::condition_variable finished_;
};

}  // namespace kontor::crew::detail
