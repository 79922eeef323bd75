// Runner: executes a case's plan durably. Ready tasks (dependencies done) run in parallel on a
// thread pool, each through a fresh agent from the AgentRegistry; every transition — task
// started/done/failed/waiting, section written, task added, question asked/answered, action
// proposed/approved/executing/done — is an event appended to the case journal in the same
// store transaction as the change itself, and observers see it after it is durable.
//
// Guarantees:
// - Sections use optimistic concurrency: a write names the version it read and is aborted when
//   a parallel task wrote in between (update_section() retries); no write is lost.
// - A task that asked a question it has no answer for ends `waiting`; the case goes on with the
//   tasks that do not depend on it; answer() re-queues it.
// - Actions go through the outbox: the Policy allows, holds (awaiting approval) or denies
//   them; an allowed or approved action is marked executing, executed once, then done/failed.
// - resume() after a crash (even SIGKILL) rebuilds the state from snapshot + journal, re-runs
//   the tasks that had started but not finished, never re-runs finished tasks, and never
//   re-executes an action that reached `executing`: it becomes outcome_unknown and is
//   reconciled through the executor's lookup by idempotency key.
// - answer() records the answer (section `answers`); when the question settles a brief field
//   (Question::field is one of brief_field_names()) the value goes through Intake::apply_field
//   into the brief — journaled as `brief.updated`, refused with the field's error before
//   anything is written when it does not parse. It re-queues the tasks waiting only on this
//   question and the tasks that failed for want of it (their error names the question id or
//   "brief.<field>:").
// - One run of a case at a time: start/resume/answer/approve/deny hold a lease on the case
//   (store/lease.h) for their whole call (up to its last commit); a second one, in this or
//   another process, fails with failed_precondition "case K… is being run by pid N on host H
//   since T (lease until U)". A lease is renewed in the background while held, lapses after
//   lease_ttl when its holder froze, and is taken over at once when its holder was a process
//   of this host that died.
// Speed (bench/crew_runner_bench.cc): the commit that finishes a task also journals the start
// of the tasks it made ready (one transaction per step), and the finishing worker runs one of
// them itself; the ends of tasks that finish together (branches of a fan-out) share one
// transaction (group commit, waiting up to group_commit_wait for siblings still running: a
// crash before it leaves them re-runnable); the commit of the run's last task end also
// records the case's status and gives up the lease.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "crew/actions.h"
#include "crew/agent.h"
#include "crew/agent_registry.h"
#include "crew/brief.h"
#include "crew/case.h"
#include "crew/case_state.h"
#include "crew/observer.h"
#include "crew/plan.h"
#include "store/outbox.h"
#include "store/store.h"

namespace kontor::crew {

class Intake;

struct RunnerOptions {
  unsigned threads = 0;     // worker threads; 0: one per hardware thread
  int snapshot_every = 64;  // write a snapshot whenever the sequence reaches a multiple of it
  std::function<std::string()> now;  // event timestamps; default: store::utc_timestamp_now
  std::chrono::milliseconds lease_ttl{30000};  // see the lease guarantee above
  // How long a worker whose task ended waits for the ends of sibling tasks still running
  // before it commits (they then share its transaction); 0 commits at once.
  std::chrono::microseconds group_commit_wait{200};
  // Lazy wake-ups: when a commit starts several tasks whose agents have averaged less than
  // this per run (in this runner), the thread that made them ready runs them one after the
  // other instead of waking a pool worker for each; 0 always wakes workers.
  std::chrono::microseconds run_short_tasks_here{50};
};

// What the agents and actions use; all optional. Without a policy, AmountNeedsApprovalPolicy;
// without an executor, a RecordingExecutor owned by the runner.
struct RunnerServices {
  const Engines* engines = nullptr;  // TaskContext::engines() aborts when an agent needs it
  Policy* policy = nullptr;
  ActionExecutor* executor = nullptr;
  const Intake* intake = nullptr;  // answers to brief fields; null: loaded from the environment
};

struct NewCase {
  std::string id;  // "" → generated: "K20261123-1a2b3c"
  Brief brief;
  Date as_of;  // the case's "today"
  Plan plan;
  std::string skill;  // name of the skill the plan came from, for the record
};

enum class CaseStatus { kCompleted, kWaiting, kFailed };
std::string_view case_status_name(CaseStatus status);  // "completed", "waiting", "failed"

struct CaseSummary {
  std::string case_id;
  CaseStatus status = CaseStatus::kCompleted;
  CaseState state;
  std::vector<std::string> blocked;          // pending tasks stuck behind waiting/failed ones
  std::vector<store::OutboxAction> actions;  // the outbox
  std::vector<const QuestionRecord*> open_questions() const;
  std::vector<const store::OutboxAction*> pending_approvals() const;  // awaiting / unknown
};

class Runner {
 public:
  Runner(store::Store& store, const AgentRegistry& agents, RunnerServices services = {},
         RunnerOptions options = {});
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Observers must outlive the runner's calls.
  void add_observer(Observer* observer);

  // Validates the plan (and that every agent is registered), creates the case and runs it
  // until nothing more can run. The brief's questions are recorded as open questions.
  StatusOr<CaseSummary> start(const NewCase& new_case);
  // Continues a case after a crash or a stop (see the guarantees above).
  StatusOr<CaseSummary> resume(std::string_view case_id);
  // Records the answer, re-queues the tasks waiting only on it, and continues the case.
  StatusOr<CaseSummary> answer(std::string_view case_id, std::string_view question_id,
                               std::string_view text);
  // Approves or denies an action awaiting approval (by key or a unique key prefix) and
  // continues the case; an approved action is executed.
  StatusOr<CaseSummary> approve(std::string_view case_id, std::string_view action_key);
  StatusOr<CaseSummary> deny(std::string_view case_id, std::string_view action_key,
                             std::string_view reason);
  // The case as stored, without running anything.
  StatusOr<CaseSummary> inspect(std::string_view case_id);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kontor::crew
