#include "crew/runner.h"

#include <algorithm>
#include <random>

#include "crew/case_run.h"
#include "store/lease.h"

namespace kontor::crew {

using detail::CaseRun;

std::string_view case_status_name(CaseStatus status) {
  switch (status) {
    case CaseStatus::kCompleted: return "completed";
    case CaseStatus::kWaiting: return "waiting";
    case CaseStatus::kFailed: return "failed";
  }
  return "?";
}

std::vector<const QuestionRecord*> CaseSummary::open_questions() const {
  std::vector<const QuestionRecord*> open;
  for (const QuestionRecord& q : state.questions) {
    if (!q.answer) open.push_back(&q);
  }
  return open;
}

std::vector<const store::OutboxAction*> CaseSummary::pending_approvals() const {
  std::vector<const store::OutboxAction*> pending;
  for (const store::OutboxAction& a : actions) {
    if (a.state == store::ActionState::kAwaitingApproval ||
        a.state == store::ActionState::kOutcomeUnknown) {
      pending.push_back(&a);
    }
  }
  return pending;
}

class Runner::Impl {
 public:
  Impl(store::Store& store, const AgentRegistry& agents, RunnerServices services,
       RunnerOptions options)
      : options_(std::move(options)),
        pool_(options_.threads),
        env_{store,
             agents,
             services.engines,
             services.policy ? *services.policy : default_policy_,
             services.executor ? *services.executor : default_executor_,
             options_,
             observers_,
             pool_,
             services.intake,
             times_},
        renewer_(std::max(options_.lease_ttl / 3, std::chrono::milliseconds(1))) {}

  std::vector<Observer*>& observers() { return observers_; }
  detail::RunEnvironment& env() { return env_; }

  // The case's lease for the length of one Runner call.
  class CaseLease {
   public:
    CaseLease(store::LeaseRenewer& renewer, std::unique_ptr<store::Lease> lease)
        : renewer_(renewer), lease_(std::move(lease)) {
      renewer_.add(lease_.get());
    }
    ~CaseLease() { renewer_.remove(lease_.get()); }  // then lease_ releases (if not yet)
    store::Lease& lease() { return *lease_; }
    CaseLease(const CaseLease&) = delete;
    CaseLease& operator=(const CaseLease&) = delete;

   private:
    store::LeaseRenewer& renewer_;
    std::unique_ptr<store::Lease> lease_;
  };

  store::LeaseOptions lease_options() const {
    store::LeaseOptions options;
    options.ttl = options_.lease_ttl;
    return options;
  }

  StatusOr<std::unique_ptr<CaseLease>> lease(std::string_view case_id) {
    ASSIGN_OR_RETURN(auto lease,
                     store::Lease::acquire(env_.store, std::string(case_id),
                                           "case " + std::string(case_id), lease_options()));
    return std::make_unique<CaseLease>(renewer_, std::move(lease));
  }

  // The lease taken by store::Lease::acquire_in in a transaction that has committed.
  std::unique_ptr<CaseLease> adopt_lease(const std::string& case_id, store::LeaseHolder holder) {
    return std::make_unique<CaseLease>(
        renewer_, store::Lease::adopt(env_.store, case_id, lease_options(), std::move(holder)));
  }

  // Runs what can run, then reports; the case record's status follows.
  // The lease is given up in the same transaction as the status: the run's last commit when
  // it recorded the status the summary finds (the usual case), else a commit of its own.
  StatusOr<CaseSummary> run(CaseRun& run, CaseLease& lease) {
    auto release = [&](store::Transaction& txn) { return lease.lease().release(txn); };
    run.close_with_last_commit(release);
    RETURN_IF_ERROR(run.run_until_quiet());
    ASSIGN_OR_RETURN(CaseSummary summary, run.summary());
    if (run.closed() != summary.status) RETURN_IF_ERROR(run.save_status(summary.status, release));
    return summary;
  }

 private:
  AmountNeedsApprovalPolicy default_policy_;
  RecordingExecutor default_executor_;
  RunnerOptions options_;
  std::vector<Observer*> observers_;
  ThreadPool pool_;
  detail::TaskTimes times_;
  detail::RunEnvironment env_;
  store::LeaseRenewer renewer_;
};

namespace {

std::string generate_case_id(Date as_of) {
  std::random_device random;
  std::string date = as_of.to_string();
  std::erase(date, '-');
  char suffix[8];
  std::snprintf(suffix, sizeof suffix, "%06x", random() & 0xffffffu);
  return "K" + date + "-" + suffix;
}

}  // namespace

Runner::Runner(store::Store& store, const AgentRegistry& agents, RunnerServices services,
               RunnerOptions options)
    : impl_(std::make_unique<Impl>(store, agents, services, std::move(options))) {}

Runner::~Runner() = default;

void Runner::add_observer(Observer* observer) { impl_->observers().push_back(observer); }

StatusOr<CaseSummary> Runner::start(const NewCase& new_case) {
  RETURN_IF_ERROR(validate_plan(new_case.plan.tasks));
  for (const TaskSpec& task : new_case.plan.tasks) {
    if (!impl_->env().agents.contains(task.agent)) {
      return invalid_argument("task '" + task.id + "': agent '" + task.agent +
                              "' is not registered");
    }
  }
  std::string id = new_case.id.empty() ? generate_case_id(new_case.as_of) : new_case.id;
  CaseRun run(impl_->env(), id);
  // The commit creating the case also starts its first tasks and takes the case's lease.
  store::LeaseHolder taken;
  RETURN_IF_ERROR(run.create(new_case, impl_->env().now(), [&](store::Transaction& txn) -> Status {
    ASSIGN_OR_RETURN(taken,
                     store::Lease::acquire_in(txn, id, "case " + id, impl_->lease_options()));
    return ok_status();
  }));
  auto lease = impl_->adopt_lease(id, std::move(taken));
  return impl_->run(run, *lease);
}

StatusOr<CaseSummary> Runner::resume(std::string_view case_id) {
  ASSIGN_OR_RETURN(auto lease, impl_->lease(case_id));
  CaseRun run(impl_->env(), std::string(case_id));
  RETURN_IF_ERROR(run.load());
  RETURN_IF_ERROR(run.recover());
  return impl_->run(run, *lease);
}

StatusOr<CaseSummary> Runner::answer(std::string_view case_id, std::string_view question_id,
                                     std::string_view text) {
  ASSIGN_OR_RETURN(auto lease, impl_->lease(case_id));
  CaseRun run(impl_->env(), std::string(case_id));
  RETURN_IF_ERROR(run.load());
  RETURN_IF_ERROR(run.answer(question_id, text));
  RETURN_IF_ERROR(run.recover());
  return impl_->run(run, *lease);
}

StatusOr<CaseSummary> Runner::approve(std::string_view case_id, std::string_view action_key) {
  ASSIGN_OR_RETURN(auto lease, impl_->lease(case_id));
  CaseRun run(impl_->env(), std::string(case_id));
  RETURN_IF_ERROR(run.load());
  RETURN_IF_ERROR(run.decide(action_key, true, ""));
  RETURN_IF_ERROR(run.recover());
  return impl_->run(run, *lease);
}

StatusOr<CaseSummary> Runner::deny(std::string_view case_id, std::string_view action_key,
                                   std::string_view reason) {
  ASSIGN_OR_RETURN(auto lease, impl_->lease(case_id));
  CaseRun run(impl_->env(), std::string(case_id));
  RETURN_IF_ERROR(run.load());
  RETURN_IF_ERROR(run.decide(action_key, false, reason));
  RETURN_IF_ERROR(run.recover());
  return impl_->run(run, *lease);
}

StatusOr<CaseSummary> Runner::inspect(std::string_view case_id) {
  CaseRun run(impl_->env(), std::string(case_id));
  RETURN_IF_ERROR(run.load());
  return run.summary();
}

}  // namespace kontor::crew
