// Lazy wake-ups (RunnerOptions::run_short_tasks_here): the tasks of agents known to be short
// run on the thread that made them ready, without waking pool workers; long or unknown ones
// are still handed to the workers and run in parallel.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "crew/runner.h"
#include "crew/runner_task_times.h"
#include "store/memory/memory_store.h"
#include "toy_agents.h"

namespace kontor::crew {
namespace {

using namespace std::chrono_literals;
using testing::task;

TEST(TaskTimesTest, UnknownAgentIsNotShortALongRunCountsAtOnceShortOnesDecay) {
  detail::TaskTimes times;
  EXPECT_FALSE(times.is_short("research", 50us));
  times.record("research", 10us);
  EXPECT_TRUE(times.is_short("research", 50us));
  EXPECT_FALSE(times.is_short("research", 0us));  // 0: lazy wake-ups off
  EXPECT_FALSE(times.is_short("sourcing", 50us));
  times.record("research", 410us);  // one long run: long at once
  EXPECT_FALSE(times.is_short("research", 400us));
  EXPECT_TRUE(times.is_short("research", 411us));
  times.record("research", 10us);  // 410 - (410 - 10) / 4 = 310 µs
  EXPECT_FALSE(times.is_short("research", 310us));
  EXPECT_TRUE(times.is_short("research", 311us));
}

// Records the thread each task ran on; sleeps params.sleep_ms first.
class ThreadRecordingAgent final : public Agent {
 public:
  ThreadRecordingAgent(std::mutex& mutex, std::map<std::string, std::thread::id>& ran_on)
      : mutex_(mutex), ran_on_(ran_on) {}
  std::string_view name() const override { return "recording"; }
  Status run(const TaskSpec& spec, TaskContext&) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(spec.params.value("sleep_ms", 0)));
    std::lock_guard lock(mutex_);
    ran_on_[spec.id] = std::this_thread::get_id();
    return ok_status();
  }

 private:
  std::mutex& mutex_;
  std::map<std::string, std::thread::id>& ran_on_;
};

class RunnerWakeTest : public ::testing::Test {
 protected:
  RunnerWakeTest() {
    registry_.add("recording",
                  [this] { return std::make_unique<ThreadRecordingAgent>(mutex_, ran_on_); });
  }
  // A fan-out of five between a start and an end task, each sleeping `sleep_ms`.
  NewCase fan_out(const std::string& id, int sleep_ms) {
    NewCase c;
    c.id = id;
    c.brief.goal = "fan-out";
    c.as_of = *Date::parse("2026-12-05");
    const nlohmann::json params{{"sleep_ms", sleep_ms}};
    c.plan.tasks = {task("start", "recording", {}, params)};
    std::vector<std::string> branches;
    for (int i = 0; i < 5; ++i) {
      branches.push_back("branch" + std::to_string(i));
      c.plan.tasks.push_back(task(branches.back(), "recording", {"start"}, params));
    }
    c.plan.tasks.push_back(task("end", "recording", branches, params));
    return c;
  }
  RunnerOptions options() {
    RunnerOptions options;
    options.threads = 2;
    // Generous, so that a preempted no-op run on a loaded machine still counts as short; the
    // 30 ms tasks below are long either way.
    options.run_short_tasks_here = 10ms;
    return options;
  }
  std::set<std::thread::id> threads_used() {
    std::lock_guard lock(mutex_);
    std::set<std::thread::id> used;
    for (const auto& [id, thread] : ran_on_) used.insert(thread);
    return used;
  }
  void forget_threads() {
    std::lock_guard lock(mutex_);
    ran_on_.clear();
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  AgentRegistry registry_;
  std::mutex mutex_;
  std::map<std::string, std::thread::id> ran_on_;
};

TEST_F(RunnerWakeTest, ShortTasksRunOnTheCallingThreadOnceTheirAgentIsKnownToBeShort) {
  Runner runner(*store_, registry_, {}, options());
  auto first = runner.start(fan_out("K1", 0));  // the agent's runs are timed here
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  ASSERT_EQ(first->status, CaseStatus::kCompleted);
  std::this_thread::sleep_for(20ms);  // the workers of the first case are asleep again
  forget_threads();
  auto second = runner.start(fan_out("K2", 0));
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  EXPECT_EQ(second->status, CaseStatus::kCompleted);
  std::lock_guard lock(mutex_);
  ASSERT_EQ(ran_on_.size(), 7u);
  for (const auto& [id, thread] : ran_on_) {
    EXPECT_EQ(thread, std::this_thread::get_id()) << id << " ran on a pool worker";
  }
}

TEST_F(RunnerWakeTest, LongTasksStillRunInParallelOnTheWorkers) {
  Runner runner(*store_, registry_, {}, options());
  ASSERT_TRUE(runner.start(fan_out("K1", 30)).ok());  // known to take ~30 ms from here on
  forget_threads();
  auto second = runner.start(fan_out("K2", 30));
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  EXPECT_EQ(second->status, CaseStatus::kCompleted);
  // The caller keeps one branch and two workers take the others while it sleeps.
  EXPECT_GE(threads_used().size(), 2u);
}

TEST_F(RunnerWakeTest, WithLazyWakeUpsOffWorkersAreWokenForShortTasks) {
  RunnerOptions off = options();
  off.run_short_tasks_here = 0us;
  off.group_commit_wait = 2s;  // the caller waits for the branches the workers took
  Runner runner(*store_, registry_, {}, off);
  ASSERT_TRUE(runner.start(fan_out("K1", 0)).ok());  // the agent is known to be short
  // Woken for K2's branches (30 ms each), the workers take some before the caller can.
  forget_threads();
  auto second = runner.start(fan_out("K2", 30));
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  EXPECT_GE(threads_used().size(), 2u);
}

}  // namespace
}  // namespace kontor::crew
