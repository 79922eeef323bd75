// How many store commits a run costs: one per step (a task's end with the starts it makes
// ready), the branches of a fan-out ending in one group commit, and the case's status and
// lease release riding on the last task end — and the status still right when the last step
// leaves the case waiting or failed, or proposes an action.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>

#include "crew/case.h"
#include "crew/runner.h"
#include "store/lease.h"
#include "store/memory/memory_store.h"
#include "toy_agents.h"

namespace kontor::crew {
namespace {

using testing::task;

// A Store that counts the commits made through it and logs what each wrote.
class CountingStore final : public store::Store {
 public:
  explicit CountingStore(std::unique_ptr<store::Store> inner) : inner_(std::move(inner)) {}
  StatusOr<std::unique_ptr<store::Transaction>> begin() override {
    ASSIGN_OR_RETURN(auto txn, inner_->begin());
    return std::unique_ptr<store::Transaction>(
        std::make_unique<CountingTransaction>(std::move(txn), *this));
  }
  StatusOr<std::optional<store::Record>> get(std::string_view c, std::string_view k) override {
    return inner_->get(c, k);
  }
  Status scan(std::string_view c, const std::function<Status(const store::Record&)>& v) override {
    return inner_->scan(c, v);
  }
  Status scan_from(std::string_view c, std::string_view from,
                   const std::function<Status(const store::Record&)>& v) override {
    return inner_->scan_from(c, from, v);
  }
  StatusOr<std::int64_t> count(std::string_view c) override { return inner_->count(c); }
  int commits() const { return commits_.load(); }
  std::string log() {
    std::lock_guard lock(mutex_);
    return log_;
  }

 private:
  class CountingTransaction final : public store::Transaction {
   public:
    CountingTransaction(std::unique_ptr<store::Transaction> inner, CountingStore& store)
        : inner_(std::move(inner)), store_(store) {}
    StatusOr<std::optional<store::Record>> get(std::string_view c, std::string_view k) override {
      return inner_->get(c, k);
    }
    StatusOr<store::PutOutcome> put(std::string_view c, std::string_view k,
                                    std::string_view body) override {
      wrote(c, k);
      return inner_->put(c, k, body);
    }
    StatusOr<store::PutOutcome> put_if_version(std::string_view c, std::string_view k,
                                               std::string_view body,
                                               std::int64_t expected) override {
      wrote(c, k);
      return inner_->put_if_version(c, k, body, expected);
    }
    StatusOr<bool> erase(std::string_view c, std::string_view k) override {
      wrote(c, k);
      return inner_->erase(c, k);
    }
    Status commit() override {
      Status status = inner_->commit();
      if (status.ok()) {
        std::lock_guard lock(store_.mutex_);
        store_.log_ += "commit " + std::to_string(++store_.commits_) + ":" + writes_ + "\n";
      }
      return status;
    }

   private:
    void wrote(std::string_view c, std::string_view k) {
      writes_ += " " + std::string(c) + "/" + std::string(k);
    }
    std::unique_ptr<store::Transaction> inner_;
    CountingStore& store_;
    std::string writes_;
  };

  std::unique_ptr<store::Store> inner_;
  std::atomic<int> commits_{0};
  std::mutex mutex_;
  std::string log_;
};

class NoopAgent final : public Agent {
 public:
  std::string_view name() const override { return "noop"; }
  Status run(const TaskSpec&, TaskContext&) override { return ok_status(); }
};

class RunnerCommitsTest : public ::testing::Test {
 protected:
  RunnerCommitsTest() {
    registry_.add("noop", [] { return std::make_unique<NoopAgent>(); });
  }
  NewCase new_case(std::vector<TaskSpec> tasks) {
    NewCase c;
    c.id = "K1";
    c.brief.goal = "no-op";
    c.as_of = *Date::parse("2026-11-23");
    c.plan.tasks = std::move(tasks);
    return c;
  }
  StatusOr<CaseSummary> start(std::vector<TaskSpec> tasks) {
    RunnerOptions options;
    options.threads = 4;
    // Long enough that the branches' ends always meet on a loaded machine; a wait ends as
    // soon as the last sibling queued its end.
    options.group_commit_wait = std::chrono::seconds(2);
    Runner runner(store_, registry_, RunnerServices{nullptr, nullptr, &executor_}, options);
    return runner.start(new_case(std::move(tasks)));
  }
  std::string stored_status() {
    auto info = find_case(store_, "K1");
    return info.ok() ? info->status : info.status().to_string();
  }
  bool lease_released() {
    auto lease = store::find_lease(store_, "K1");
    return lease.ok() && !lease->has_value();
  }

  CountingStore store_{store::open_memory_store()};
  AgentRegistry registry_ = testing::toy_registry();
  RecordingExecutor executor_;
};

TEST_F(RunnerCommitsTest, FanOutOfFiveTakesFourCommits) {
  std::vector<TaskSpec> tasks = {task("start", "noop")};
  std::vector<std::string> branches;
  for (int i = 0; i < 5; ++i) {
    branches.push_back("branch" + std::to_string(i));
    tasks.push_back(task(branches.back(), "noop", {"start"}));
  }
  tasks.push_back(task("end", "noop", branches));
  auto summary = start(tasks);
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  // Case created + start started; start done + 5 started; 5 done + end started; end done +
  // status + lease released.
  EXPECT_EQ(store_.commits(), 4) << store_.log();
  EXPECT_EQ(stored_status(), "completed");
  EXPECT_TRUE(lease_released());
}

TEST_F(RunnerCommitsTest, ChainOfThreeTakesFourCommits) {
  auto summary = start({task("a", "noop"), task("b", "noop", {"a"}), task("c", "noop", {"b"})});
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  EXPECT_EQ(store_.commits(), 4) << store_.log();
  EXPECT_EQ(stored_status(), "completed");
  EXPECT_TRUE(lease_released());
}

TEST_F(RunnerCommitsTest, LastStepThatFailsClosesTheCaseAsFailed) {
  auto summary = start({task("a", "noop"), task("b", "failing", {"a"})});
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kFailed);
  EXPECT_EQ(store_.commits(), 3) << store_.log();
  EXPECT_EQ(stored_status(), "failed");
  EXPECT_TRUE(lease_released());
}

TEST_F(RunnerCommitsTest, LastStepThatAsksClosesTheCaseAsWaiting) {
  auto summary = start({task("a", "noop"), task("b", "asking", {"a"})});
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kWaiting);
  EXPECT_EQ(stored_status(), "waiting");
  EXPECT_TRUE(lease_released());
}

// Its actions are executed after the last task's commit, so the status gets a commit of its
// own: the deposit awaits approval, the case waits.
TEST_F(RunnerCommitsTest, LastStepThatProposesLeavesTheStatusToItsOwnCommit) {
  auto summary = start({task("a", "noop"), task("b", "proposing", {"a"}, {{"deposit", true}})});
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kWaiting);
  EXPECT_EQ(summary->pending_approvals().size(), 1u);
  EXPECT_EQ(stored_status(), "waiting");
  EXPECT_TRUE(lease_released());
}

}  // namespace
}  // namespace kontor::crew
