#include "crew/runner.h"

#include <gtest/gtest.h>

#include <sstream>

#include "crew/event_stream.h"
#include "crew/progress_board.h"
#include "store/memory/memory_store.h"
#include "toy_agents.h"

namespace kontor::crew {
namespace {

using nlohmann::json;
using testing::task;

class RunnerTest : public ::testing::Test {
 protected:
  NewCase new_case(std::vector<TaskSpec> tasks) {
    NewCase c;
    c.id = "K1";
    c.brief.goal = "Source 2,000 insulated steel bottles for Germany";
    c.brief.product = "insulated steel bottles";
    c.as_of = *Date::parse("2026-11-23");
    c.plan.tasks = std::move(tasks);
    c.skill = "test";
    return c;
  }
  Runner runner(unsigned threads = 4, int snapshot_every = 64) {
    RunnerOptions options;
    options.threads = threads;
    options.snapshot_every = snapshot_every;
    return Runner(*store_, registry_, RunnerServices{nullptr, nullptr, &executor_}, options);
  }
  json section(std::string_view name) {
    auto s = read_section(*store_, "K1", name);
    EXPECT_TRUE(s.ok() && s->has_value()) << name;
    return s.ok() && s->has_value() ? (*s)->body : json();
  }
  std::vector<std::string> event_types() {
    std::vector<std::string> types;
    store::Journal journal(*store_, "K1");
    EXPECT_TRUE(journal
                    .read(0,
                          [&](const store::JournalEvent& e) {
                            types.push_back(e.type);
                            return ok_status();
                          })
                    .ok());
    return types;
  }

  std::unique_ptr<store::Store> store_ = store::open_memory_store();
  testing::Rendezvous rendezvous_{5};
  AgentRegistry registry_ = testing::toy_registry(&rendezvous_);
  RecordingExecutor executor_;
};

TEST_F(RunnerTest, ChainRunsInDependencyOrderAndCompletes) {
  Runner r = runner();
  auto summary = r.start(
      new_case({task("c", "writer", {"b"}), task("a", "writer"), task("b", "writer", {"a"})}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  EXPECT_EQ(section("b")["after"]["a"], "a");
  EXPECT_EQ(section("c")["after"]["b"], "b");
  EXPECT_EQ((*find_case(*store_, "K1")).status, "completed");
}

TEST_F(RunnerTest, FanOutRunsTheFiveBranchesAtTheSameTime) {
  Runner r = runner(5);
  std::vector<TaskSpec> tasks = {task("start", "writer")};
  for (int i = 0; i < 5; ++i)
    tasks.push_back(task("branch" + std::to_string(i), "rendezvous", {"start"}));
  auto summary = r.start(new_case(tasks));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  // Each branch waits inside run() until all five are inside run(): only concurrent execution
  // lets any of them finish.
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(section("branch" + std::to_string(i))["met"], true);
}

TEST_F(RunnerTest, ParallelSectionUpdatesConflictAndRetryWithoutLosingOne) {
  Runner r = runner(4);
  std::vector<TaskSpec> tasks;
  for (int i = 0; i < 8; ++i)
    tasks.push_back(task("count" + std::to_string(i), "counter", {}, {{"times", 25}}));
  auto summary = r.start(new_case(tasks));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(section("counter")["n"], 200);
  auto stored = read_section(*store_, "K1", "counter");
  EXPECT_EQ((*stored)->version, 200);
}

TEST_F(RunnerTest, QuestionMakesTaskWaitWhileIndependentWorkGoesOn) {
  Runner r = runner();
  auto summary =
      r.start(new_case({task("classify", "asking", {}, {{"question", "hs.code"}}),
                        task("duty", "writer", {"classify"}), task("listing", "writer")}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kWaiting);
  EXPECT_EQ(summary->state.task("classify")->state, TaskState::kWaiting);
  EXPECT_EQ(summary->state.task("listing")->state, TaskState::kDone);
  EXPECT_EQ(summary->state.task("duty")->state, TaskState::kPending);
  EXPECT_EQ(summary->blocked, std::vector<std::string>{"duty"});
  ASSERT_EQ(summary->open_questions().size(), 1u);
  EXPECT_EQ(summary->open_questions()[0]->question.id, "hs.code");
}

TEST_F(RunnerTest, AnswerRequeuesTheWaitingTaskAndTheCaseCompletes) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("classify", "asking", {}, {{"question", "hs.code"}}),
                                task("duty", "writer", {"classify"})}))
                  .ok());
  auto summary = r.answer("K1", "hs.code", "961700");
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  EXPECT_EQ(section("classify")["answer"], "961700");
  EXPECT_EQ(section("duty")["after"]["classify"], "");  // its section has no "by"
  EXPECT_EQ(summary->state.task("classify")->attempts, 2);
}

TEST_F(RunnerTest, AnsweringTwiceIsRefused) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("classify", "asking", {}, {{"question", "q"}})})).ok());
  ASSERT_TRUE(r.answer("K1", "q", "a").ok());
  EXPECT_EQ(r.answer("K1", "q", "b").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(r.answer("K1", "nope", "b").status().code(), StatusCode::kNotFound);
}

TEST_F(RunnerTest, ActionWithoutAmountRunsOnceDepositWaitsForApproval) {
  Runner r = runner();
  auto summary = r.start(new_case({task("negotiation", "proposing", {}, {{"deposit", true}})}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(executor_.total_executions(), 1);
  ASSERT_EQ(summary->pending_approvals().size(), 1u);
  const store::OutboxAction* deposit = summary->pending_approvals()[0];
  EXPECT_EQ(deposit->kind, "payment.deposit");
  EXPECT_EQ(deposit->action["amount"]["amount"], "1200.00");
  EXPECT_EQ(summary->status, CaseStatus::kWaiting);

  auto approved = r.approve("K1", deposit->key.substr(0, 6));
  ASSERT_TRUE(approved.ok()) << approved.status().to_string();
  EXPECT_EQ(approved->status, CaseStatus::kCompleted);
  EXPECT_EQ(executor_.total_executions(), 2);
  for (const auto& [key, n] : executor_.executions()) EXPECT_EQ(n, 1) << key;
  ASSERT_TRUE(r.resume("K1").ok());
  EXPECT_EQ(executor_.total_executions(), 2);
}

TEST_F(RunnerTest, DeniedActionIsNeverExecuted) {
  Runner r = runner();
  auto summary = r.start(new_case({task("negotiation", "proposing", {}, {{"deposit", true}})}));
  ASSERT_TRUE(summary.ok());
  std::string key = summary->pending_approvals()[0]->key;
  auto denied = r.deny("K1", key, "too early");
  ASSERT_TRUE(denied.ok()) << denied.status().to_string();
  EXPECT_EQ(executor_.total_executions(), 1);  // the RFQ only
  EXPECT_EQ(denied->status, CaseStatus::kCompleted);
  EXPECT_EQ(r.approve("K1", key).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(RunnerTest, TaskAddedWhileRunningRunsAfterItsParent) {
  Runner r = runner();
  auto summary = r.start(new_case({task("compliance", "adding", {}, {{"add", "request_report"}})}));
  ASSERT_TRUE(summary.ok()) << summary.status().to_string();
  EXPECT_EQ(summary->status, CaseStatus::kCompleted);
  ASSERT_NE(summary->state.task("request_report"), nullptr);
  EXPECT_EQ(summary->state.task("request_report")->added_by, "compliance");
  EXPECT_EQ(section("request_report")["after"]["compliance"], "");
}

TEST_F(RunnerTest, FailedTaskBlocksItsDependentsOnly) {
  Runner r = runner();
  auto summary =
      r.start(new_case({task("sourcing", "failing"), task("finance", "writer", {"sourcing"}),
                        task("research", "writer")}));
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->status, CaseStatus::kFailed);
  EXPECT_EQ(summary->state.task("sourcing")->error, "failed_precondition: no supplier matches");
  EXPECT_EQ(summary->state.task("research")->state, TaskState::kDone);
  EXPECT_EQ(summary->blocked, std::vector<std::string>{"finance"});
}

TEST_F(RunnerTest, ResumingAFinishedCaseRunsNothingAgain) {
  Runner r = runner();
  ASSERT_TRUE(r.start(new_case({task("a", "writer"), task("b", "writer", {"a"})})).ok());
  auto before = event_types();
  ASSERT_TRUE(r.resume("K1").ok());
  auto after = event_types();
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(after.back(), "case.resumed");
}

TEST_F(RunnerTest, SnapshotPlusTailEqualsFullReplay) {
  Runner r = runner(2, 3);
  ASSERT_TRUE(r.start(new_case({task("a", "writer"), task("b", "writer", {"a"}),
                                task("c", "writer", {"a"}), task("d", "writer", {"b", "c"})}))
                  .ok());
  store::Journal journal(*store_, "K1");
  auto snapshot = journal.snapshot();
  ASSERT_TRUE(snapshot.ok() && snapshot->has_value());
  EXPECT_EQ((*snapshot)->seq % 3, 0);
  EXPECT_GT((*snapshot)->seq, 3);
  CaseState replayed;
  ASSERT_TRUE(
      journal.read(0, [&](const store::JournalEvent& e) { return replayed.apply(e); }).ok());
  auto loaded = load_case_state(*store_, "K1");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->to_json(), replayed.to_json());
}

TEST_F(RunnerTest, UnknownAgentIsRejectedBeforeTheCaseExists) {
  Runner r = runner();
  auto summary = r.start(new_case({task("a", "astrologer")}));
  EXPECT_EQ(summary.status().message(), "task 'a': agent 'astrologer' is not registered");
  EXPECT_EQ(find_case(*store_, "K1").status().code(), StatusCode::kNotFound);
}

TEST_F(RunnerTest, EventStreamWritesOneLinePerJournalEventPlusProgress) {
  std::ostringstream out;
  EventStream stream(out);
  Runner r = runner(1);
  r.add_observer(&stream);
  ASSERT_TRUE(r.start(new_case({task("a", "writer"), task("b", "writer", {"a"})})).ok());
  std::istringstream lines(out.str());
  std::string line;
  std::int64_t seq = 0;
  int progress = 0;
  while (std::getline(lines, line)) {
    json j = json::parse(line);
    EXPECT_EQ(j["case"], "K1");
    if (j["type"] == "task.progress") {
      ++progress;
      continue;
    }
    EXPECT_EQ(j["seq"], ++seq);
  }
  EXPECT_EQ(static_cast<std::size_t>(seq), event_types().size());
  EXPECT_EQ(progress, 2);
}

TEST_F(RunnerTest, PlainProgressBoardPrintsOneLinePerChange) {
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  {
    ProgressBoard board(out, false);
    Runner r = runner(1);
    r.add_observer(&board);
    ASSERT_TRUE(r.start(new_case({task("a", "writer")})).ok());
  }
  std::fclose(out);
  std::string text(buffer, size);
  std::free(buffer);
  EXPECT_NE(text.find("case K1: Source 2,000 insulated steel bottles for Germany (1 tasks)"),
            std::string::npos);
  EXPECT_NE(text.find("a: started"), std::string::npos);
  EXPECT_NE(text.find("  ✓ a "), std::string::npos);
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
}

}  // namespace
}  // namespace kontor::crew
