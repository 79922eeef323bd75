// The runner's answer and lease semantics: answers to brief fields flow into the brief,
// tasks that failed for want of an answer run again, and one run of a case at a time.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <future>
#include <thread>

#include "crew/runner.h"
#include "store/lease.h"
#include "store/memory/memory_store.h"
#include "toy_agents.h"

namespace kontor::crew {
namespace {

using nlohmann::json;
using testing::task;

// Needs the brief's destination, as the built-in logistics agent does.
class ShippingAgent final : public Agent {
 public:
  std::string_view name() const override { return "shipping"; }
  Status run(const TaskSpec& task, TaskContext& context) override {
    if (!context.brief().destination) {
      return failed_precondition("brief.destination: no market to ship to");
    }
    return context.write(task.id, {{"market", context.brief().destination->code()}}, 0);
  }
};

// Blocks in run() until released, so a test can act while a case is being run.
class Gate {
 public:
  void enter() {
    entered_.set_value();
    released_.get_future().wait();
  }
  void wait_entered() { entered_.get_future().wait(); }
  void release() { released_.set_value(); }

 private:
  std::promise<void> entered_;
  std::promise<void> released_;
};

class GateAgent final : public Agent {
 public:
  explicit GateAgent(Gate* gate) : gate_(gate) {}
  std::string_view name() const override { return "gate"; }
  Status run(const TaskSpec&, TaskContext&) override {
    gate_->enter();
    return ok_status();
  }

 private:
  Gate* gate_;
};

class RunnerAnswerTest : public ::testing::Test {
 protected:
  RunnerAnswerTest() {
    registry_.add("shipping", [] { return std::make_unique<ShippingAgent>(); });
    registry_.add("gate", [this] { return std::make_unique<GateAgent>(&gate_); });
  }
  NewCase new_case(std::vector<TaskSpec> tasks) {
    NewCase c;
    c.id = "K1";
    c.brief.goal = "Source 2,000 insulated steel bottles";
    c.brief.product = "insulated steel bottles";
    c.brief.questions = {
        {"brief.destination", "destination", "Which country will you sell in?", {}, "intake"}};
    c.as_of = *Date::parse("2026-11-23");
    c.plan.tasks = std::move(tasks);
    c.skill = "test";
    return c;
  }
  Runner runner() {
    RunnerOptions options;
    options.threads = 2;
    return Runner(*store_, registry_, RunnerServices{nullptr, nullptr, &executor_}, options);
  }
  std::vector<store::JournalEvent> events() {
    std::vector<store::JournalEvent> all;
    store::Journal journal(*store_, "K1");
    EXPECT_TRUE(journal
                    .read(0,
                          [&](const store::JournalEvent& e) {
                            all.push_back(e);
                            return ok_status();
                          })
                    .ok());
    return all;
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  testing::Rendezvous rendezvous_{1};
  AgentRegistry registry_ = testing::toy_registry(&rendezvous_);
  RecordingExecutor executor_;
  Gate gate_;
};

TEST_F(RunnerAnswerTest, TaskFailingForWantOfTheBriefFieldEndsFailed) {
  Runner r = runner();
  auto summary = r.start(new_case({task("logistics", "shipping")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kFailed);
  EXPECT_EQ(summary->state.task("logistics")->error,
            "failed_precondition: brief.destination: no market to ship to");
}

TEST_F(RunnerAnswerTest, AnswerToABriefFieldRequeuesTheFailedTaskWhichThenCompletes) {
  Runner r = runner();
  ASSERT_TRUE(
      r.start(new_case({task("logistics", "shipping"), task("finance", "writer", {"logistics"})}))
          .ok());
  auto summary = r.answer("K1", "brief.destination", "Germany");
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  EXPECT_EQ(summary->state.task("logistics")->attempts, 2);
  EXPECT_EQ(summary->state.task("finance")->state, TaskState::kDone);
  auto section = read_section(*store_, "K1", "logistics");
  ASSERT_TRUE(section.ok() && section->has_value());
  EXPECT_EQ((*section)->body["market"], "DE");
}

TEST_F(RunnerAnswerTest, AnswerToABriefFieldIsJournaledAndStoredInTheBrief) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("logistics", "shipping")})).ok());
  ASSERT_TRUE(r.answer("K1", "brief.destination", "Alemania").ok());
  std::vector<std::string> types;
  for (const auto& e : events()) {
    types.push_back(e.type);
    if (e.type == "brief.updated") {
      EXPECT_EQ(e.data["field"], "destination");
      EXPECT_EQ(e.data["question"], "brief.destination");
      EXPECT_EQ(e.data["brief"]["destination"], "DE");
    }
  }
  EXPECT_NE(std::find(types.begin(), types.end(), "brief.updated"), types.end());
  auto state = load_case_state(*store_, "K1");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->brief["destination"], "DE");
  EXPECT_FALSE(state->brief.contains("questions") &&
               state->brief["questions"].dump().find("brief.destination") != std::string::npos);
  EXPECT_EQ((*find_case(*store_, "K1")).brief["destination"], "DE");
}

TEST_F(RunnerAnswerTest, UnreadableAnswerToABriefFieldIsRefusedAndNothingIsWritten) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("logistics", "shipping")})).ok());
  const std::size_t before = events().size();
  auto summary = r.answer("K1", "brief.destination", "Atlantis");
  ASSERT_EQ(summary.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(summary.status().message().rfind("question 'brief.destination': destination", 0), 0u)
      << summary.status().message();
  EXPECT_EQ(events().size(), before);
  auto inspected = r.inspect("K1");
  ASSERT_TRUE(inspected.ok());
  EXPECT_EQ(inspected->open_questions().size(), 1u);
}

TEST_F(RunnerAnswerTest, TaskThatFailedForAnotherReasonIsNotRequeued) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("sourcing", "failing"), task("logistics", "shipping")})).ok());
  auto summary = r.answer("K1", "brief.destination", "DE");
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->state.task("sourcing")->attempts, 1);
  EXPECT_EQ(summary->state.task("sourcing")->state, TaskState::kFailed);
  EXPECT_EQ(summary->state.task("logistics")->state, TaskState::kDone);
}

TEST_F(RunnerAnswerTest, SecondRunOfTheSameCaseIsRefusedNamingTheFirst) {
  Runner first = runner();
  Runner second = runner();
  auto running =
      std::async(std::launch::async, [&] { return first.start(new_case({task("hold", "gate")})); });
  gate_.wait_entered();
  auto refused = second.resume("K1");
  gate_.release();
  ASSERT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message().rfind(
                "case K1 is being run by pid " + std::to_string(::getpid()) + " on host ", 0),
            0u)
      << refused.status().message();
  auto finished = running.get();
  ASSERT_TRUE(finished.ok()) << finished.status().to_string();
  EXPECT_EQ(finished->status, CaseStatus::kWaiting);  // the brief's question is still open
  EXPECT_TRUE(second.resume("K1").ok());              // the lease was released with the first run
  EXPECT_FALSE(store::find_lease(*store_, "K1")->has_value());
}

TEST_F(RunnerAnswerTest, StartRefusedWhileAnotherHostHoldsTheLeaseCreatesNothing) {
  auto txn = store_->begin();
  ASSERT_TRUE(txn.ok());
  json lease{{"owner", "elsewhere/77/1"},
             {"host", "elsewhere"},
             {"pid", 77},
             {"since", "2026-11-23T12:00:00.000Z"},
             {"expires_ms", std::int64_t{1} << 50}};
  ASSERT_TRUE((*txn)->put(store::kLeasesCollection, "K1", lease.dump()).ok());
  ASSERT_TRUE((*txn)->commit().ok());
  Runner r = runner();
  auto refused = r.start(new_case({task("a", "writer")}));
  ASSERT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      refused.status().message().rfind(
          "case K1 is being run by pid 77 on host elsewhere since 2026-11-23T12:00:00.000Z", 0),
      0u)
      << refused.status().message();
  EXPECT_EQ(find_case(*store_, "K1").status().code(), StatusCode::kNotFound);
}

TEST_F(RunnerAnswerTest, LeaseIsGoneOnceTheRunEnds) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("a", "writer")})).ok());
  EXPECT_FALSE(store::find_lease(*store_, "K1")->has_value());
}

}  // namespace
}  // namespace kontor::crew
