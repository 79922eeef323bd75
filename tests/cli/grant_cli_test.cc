// `kontor run --grant` stores the grant with the case; a later `kontor approve` given no grant
// acts under it: the approval is bound to the action and the money is charged to its budget.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_run.h"
#include "policy/budget.h"
#include "policy/case_grant_policy.h"
#include "policy/grant.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using cli_testing::CliRun;
using cli_testing::kontor;

namespace fs = std::filesystem;
using nlohmann::json;

// The case.summary line of `--json` output.
json summary_of(const std::string& out) {
  std::istringstream lines(out);
  std::string line;
  json summary;
  while (std::getline(lines, line)) {
    json event = json::parse(line, nullptr, false);
    if (event.is_object() && event.value("type", "") == "case.summary") summary = event;
  }
  return summary;
}

class GrantCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kontor_grant_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = " --db '" + (dir_ / "kontor.db").string() + "' ";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string db_;
};

// The demo goal whose crew proposes a sample order, and the currency of that order: the
// supplier's, so it depends on which supplier the crew recommends. Learnt from a run without a
// grant, in a workspace of its own.
const char* kGoal = "'Importer 1 000 enceintes Bluetooth pour la France, prix de vente 39,90 EUR'";

std::string sample_currency(const fs::path& dir) {
  const std::string db = " --db '" + (dir / "dry.db").string() + "' ";
  json summary = summary_of(kontor("run --json --as-of 2026-11-23" + db + kGoal).out);
  if (!summary.is_object()) return "";
  const std::string case_id = summary["case"];
  summary = summary_of(kontor("answer --json " + case_id + " hs.code a" + db).out);
  if (!summary.is_object()) return "";
  for (const json& a : summary["pending_approvals"]) {
    if (a["kind"] == "sample.order") return a["action"]["amount"]["currency"];
  }
  return "";
}

TEST_F(GrantCliTest, ALaterApprovalWithoutTheGrantIsChargedToTheCasesGrant) {
  const std::string currency = sample_currency(dir_);
  ASSERT_EQ(currency.size(), 3u) << "the goal proposed no sample order";
  // RFQs alone; a sample order (a few units) is over the cap of 1 and waits for the owner.
  CliRun created = kontor("grant create --actions rfq.send,sample.order --max 1" + currency +
                          " --budget 1000" + currency + " --expires 2099-12-31" + db_);
  ASSERT_EQ(created.exit_code, 0) << created.out;
  const std::string token = created.out.substr(0, created.out.find('\n'));
  const std::string grant_id = kontor::policy::Grant::parse(token)->id();

  CliRun run = kontor("run --json --as-of 2026-11-23 --grant " + token + db_ + std::string(kGoal));
  json summary = summary_of(run.out);
  ASSERT_TRUE(summary.is_object()) << run.out;
  const std::string case_id = summary["case"];
  // `run` stops at the classifier's question before any action and binds the grant to the case
  // there; the owner's answer, given without --grant, still runs the crew under it.
  auto before = kontor::store::open_sqlite_store((dir_ / "kontor.db").string());
  ASSERT_TRUE(before.ok());
  auto bound_at_run = kontor::policy::CaseGrantPolicy::bound_token(**before, case_id);
  ASSERT_TRUE(bound_at_run.ok() && bound_at_run->has_value());
  EXPECT_EQ(**bound_at_run, token);
  before->reset();
  CliRun answered = kontor("answer --json " + case_id + " hs.code a" + db_);
  summary = summary_of(answered.out);
  ASSERT_TRUE(summary.is_object()) << answered.out;
  std::string sample_key;
  json sample_amount;
  for (const json& a : summary["pending_approvals"]) {
    if (a["kind"] == "sample.order" && a["state"] == "awaiting_approval") {
      sample_key = a["key"];
      sample_amount = a["action"]["amount"];
    }
  }
  ASSERT_FALSE(sample_key.empty()) << answered.out;
  ASSERT_EQ(sample_amount["currency"], currency) << sample_amount.dump();

  CliRun approved = kontor("approve --json " + case_id + " " + sample_key + db_);
  EXPECT_EQ(approved.exit_code, 0) << approved.out;

  auto store = kontor::store::open_sqlite_store((dir_ / "kontor.db").string());
  ASSERT_TRUE(store.ok());
  auto bound = kontor::policy::CaseGrantPolicy::bound_token(**store, case_id);
  ASSERT_TRUE(bound.ok() && bound->has_value());
  EXPECT_EQ(**bound, token);
  auto spent = kontor::policy::BudgetLedger::spent(**store, grant_id);
  ASSERT_TRUE(spent.ok());
  EXPECT_EQ(spent->to_string(), sample_amount["amount"].get<std::string>());
  auto approval = (*store)->get("policy/approvals", sample_key);
  ASSERT_TRUE(approval.ok() && approval->has_value());
  EXPECT_NE((*approval)->body.find("\"by\":\"human\""), std::string::npos) << (*approval)->body;
  EXPECT_NE((*approval)->body.find("\"used_at\""), std::string::npos) << (*approval)->body;
}

}  // namespace
