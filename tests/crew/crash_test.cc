// The crash test: a child process runs a case on SQLite and is killed with SIGKILL right before
// or right after its n-th journal commit, for every n until the case finishes uninterrupted;
// the parent resumes the case and checks that it ends exactly like an uninterrupted run (same
// sections, same outbox, same events once the recovery bookkeeping is set aside), that no task
// finished twice and that no action was executed twice (the executor's log survives the kill).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "crew/runner.h"
#include "store/journal.h"
#include "store/sqlite/sqlite_store.h"
#include "toy_agents.h"

namespace kontor::crew {
namespace {

using nlohmann::json;
using testing::task;

struct Outcome {
  std::map<std::string, json> sections;
  std::map<std::string, std::string> actions;  // key → state
  std::map<std::string, std::string> tasks;    // id → state
  std::set<std::string> events;                // type + data, recovery events left out
  std::map<std::string, int> task_done_count;
};

NewCase sourcing_case() {
  NewCase c;
  c.id = "KCRASH";
  c.brief.goal = "Source 2,000 insulated steel bottles for Germany";
  c.brief.product = "insulated steel bottles";
  c.as_of = *Date::parse("2026-11-23");
  c.skill = "crash-test";
  c.plan.tasks = {task("research", "writer"),
                  task("sourcing", "writer"),
                  task("compliance", "adding", {"sourcing"}, {{"add", "request_report"}}),
                  task("logistics", "writer", {"sourcing"}),
                  task("finance", "writer", {"research", "compliance", "logistics"}),
                  task("listing", "writer", {"compliance"}),
                  task("negotiation", "proposing", {"finance"}, {{"deposit", true}})};
  return c;
}

bool is_recovery(const store::JournalEvent& e) {
  return e.type == "case.resumed" || e.type == "task.interrupted" ||
         e.type == "action.outcome_unknown" || e.type == "action.reconciled" ||
         (e.type == "action.approved" && e.data.value("by", "") == "reconciliation");
}

Outcome outcome_of(store::Store& store) {
  Outcome o;
  auto sections = list_sections(store, "KCRASH");
  auto actions = store::Outbox(store, "KCRASH").list();
  auto state = load_case_state(store, "KCRASH");
  EXPECT_TRUE(sections.ok() && actions.ok() && state.ok());
  if (!sections.ok() || !actions.ok() || !state.ok()) return o;
  for (const SectionRecord& s : *sections) o.sections[s.name] = s.body;
  for (const auto& a : *actions) o.actions[a.key] = std::string(store::action_state_name(a.state));
  for (const TaskRecord& t : state->tasks) {
    o.tasks[t.spec.id] = std::string(task_state_name(t.state));
  }
  store::Journal journal(store, "KCRASH");
  EXPECT_TRUE(journal
                  .read(0,
                        [&](const store::JournalEvent& e) {
                          if (e.type == "task.done") ++o.task_done_count[e.data.value("task", "")];
                          if (!is_recovery(e)) o.events.insert(e.type + " " + e.data.dump());
                          return ok_status();
                        })
                  .ok());
  return o;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("kontor_crash_" + std::to_string(getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  // Runs (or, when the case exists, resumes) the case in this process.
  void run_in_process(const std::filesystem::path& dir, unsigned threads) {
    auto store = store::open_sqlite_store((dir / "kontor.db").string());
    ASSERT_TRUE(store.ok());
    RecordingExecutor executor((dir / "executed.log").string());
    RunnerOptions options;
    options.threads = threads;
    options.snapshot_every = 4;
    Runner runner(**store, registry_, RunnerServices{nullptr, nullptr, &executor}, options);
    bool exists = find_case(**store, "KCRASH").ok();
    auto summary = exists ? runner.resume("KCRASH") : runner.start(sourcing_case());
    ASSERT_TRUE(summary.ok()) << summary.status().to_string();
    // The deposit waits for a human; approve it as the uninterrupted run does.
    for (const auto* action : summary->pending_approvals()) {
      ASSERT_TRUE(runner.approve("KCRASH", action->key).ok());
    }
  }

  // Forks a child that runs the case and dies at the n-th commit; true if it was killed.
  bool crash_child(const std::filesystem::path& dir, std::int64_t n, store::CrashWhen when,
                   unsigned threads) {
    pid_t pid = fork();
    if (pid == 0) {
      store::set_crash_point(n, when);
      run_in_process(dir, threads);
      _exit(::testing::Test::HasFailure() ? 3 : 0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
      EXPECT_EQ(WTERMSIG(status), SIGKILL);
      return true;
    }
    EXPECT_EQ(WEXITSTATUS(status), 0) << "child failed at crash point " << n;
    return false;
  }

  std::map<std::string, int> executions(const std::filesystem::path& dir) {
    return RecordingExecutor((dir / "executed.log").string()).executions();
  }

  void crash_everywhere(unsigned threads) {
    std::filesystem::path reference_dir = root_ / "reference";
    std::filesystem::create_directories(reference_dir);
    run_in_process(reference_dir, threads);
    auto reference_store = store::open_sqlite_store((reference_dir / "kontor.db").string());
    Outcome reference = outcome_of(**reference_store);
    ASSERT_EQ(reference.tasks.size(), 8u);
    ASSERT_EQ(executions(reference_dir).size(), 2u);

    int crashes = 0;
    for (store::CrashWhen when :
         {store::CrashWhen::kBeforeCommit, store::CrashWhen::kAfterCommit}) {
      for (std::int64_t n = 1; n < 500; ++n) {
        std::filesystem::path dir = root_ / ("n" + std::to_string(n) + "_" +
                                             (when == store::CrashWhen::kAfterCommit ? "a" : "b"));
        std::filesystem::create_directories(dir);
        bool killed = crash_child(dir, n, when, threads);
        if (!killed) break;  // the run finished before reaching commit n: every point covered
        ++crashes;
        run_in_process(dir, threads);
        auto store = store::open_sqlite_store((dir / "kontor.db").string());
        Outcome resumed = outcome_of(**store);
        EXPECT_EQ(resumed.sections, reference.sections) << "crash point " << n;
        EXPECT_EQ(resumed.actions, reference.actions) << "crash point " << n;
        EXPECT_EQ(resumed.tasks, reference.tasks) << "crash point " << n;
        EXPECT_EQ(resumed.events, reference.events) << "crash point " << n;
        for (const auto& [id, count] : resumed.task_done_count) {
          EXPECT_EQ(count, 1) << id << " finished twice, crash point " << n;
        }
        auto executed = executions(dir);
        EXPECT_EQ(executed.size(), 2u) << "crash point " << n;
        for (const auto& [key, count] : executed) {
          EXPECT_EQ(count, 1) << "action " << key << " executed twice, crash point " << n;
        }
        std::filesystem::remove_all(dir);
        if (::testing::Test::HasFailure()) return;
      }
    }
    EXPECT_GT(crashes, 40);
  }

  std::filesystem::path root_;
  AgentRegistry registry_ = testing::toy_registry();
};

TEST_F(CrashTest, KilledAtEveryCommitOneWorkerResumesToTheSameCase) { crash_everywhere(1); }

TEST_F(CrashTest, KilledAtEveryCommitFourWorkersResumesToTheSameCase) { crash_everywhere(4); }

}  // namespace
}  // namespace kontor::crew
