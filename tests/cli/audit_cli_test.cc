// `kontor audit verify` and `kontor audit export` on a store written through the audit API, then
// tampered with as someone with the database file could; and the chain a real crew run leaves.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_run.h"
#include "policy/audit.h"
#include "store/journal.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using cli_testing::CliRun;
using cli_testing::kontor;

namespace fs = std::filesystem;
using nlohmann::json;

class AuditCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kontor_audit_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kontor.db").string();
    auto store = kontor::store::open_sqlite_store(db_);
    ASSERT_TRUE(store.ok());
    kontor::policy::AuditLog log(**store);
    for (int i = 1; i <= 4; ++i) {
      ASSERT_TRUE(log.append("K1", "action.approved",
                             {{"key", "a" + std::to_string(i)}, {"by", "human"}},
                             "2026-11-23T12:00:00.000Z")
                      .ok());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  void edit_entry(int seq, const std::string& from, const std::string& to) {
    auto store = kontor::store::open_sqlite_store(db_);
    ASSERT_TRUE(store.ok());
    const std::string collection = kontor::policy::audit_collection("K1");
    auto record = (*store)->get(collection, kontor::store::journal_key(seq));
    ASSERT_TRUE(record.ok() && *record);
    std::string body = (*record)->body;
    body.replace(body.find(from), from.size(), to);
    auto txn = (*store)->begin();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->put(collection, kontor::store::journal_key(seq), body).ok());
    ASSERT_TRUE((*txn)->commit().ok());
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(AuditCliTest, VerifyPrintsTheHeadOfAnIntactChain) {
  CliRun r = kontor("audit verify --case K1 --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("K1: ok, 4 entries, head ", 0), 0u) << r.out;
}

TEST_F(AuditCliTest, VerifyNamesTheFirstEditedEntryWithExitCode1) {
  edit_entry(3, "human", "agent");
  CliRun r = kontor("audit verify --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "K1: BROKEN at entry 3: entry 3: content does not match its hash (edited)\n");
}

TEST_F(AuditCliTest, ExportWritesOneJsonLinePerEntryThatRehashes) {
  const std::string out = (dir_ / "audit.jsonl").string();
  CliRun r = kontor("audit export --db '" + db_ + "' --out '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(out);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    auto entry = kontor::policy::audit_entry_from_json(json::parse(line));
    ASSERT_TRUE(entry.ok());
    EXPECT_EQ(kontor::policy::entry_hash(*entry), entry->hash);
    ++lines;
  }
  EXPECT_EQ(lines, 4);
}

TEST_F(AuditCliTest, ExportAsCsvHasAHeaderAndQuotedBodies) {
  const std::string out = (dir_ / "audit.csv").string();
  CliRun r = kontor("audit export --db '" + db_ + "' --out '" + out + "' --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::ifstream in(out);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  EXPECT_EQ(header, "seq,at,case,kind,body,prev,hash");
  EXPECT_EQ(
      first.rfind(
          R"(1,2026-11-23T12:00:00.000Z,K1,action.approved,"{""by"":""human"",""key"":""a1""}",)",
          0),
      0u)
      << first;
}

TEST_F(AuditCliTest, ExportRejectsAnUnknownFormat) {
  CliRun r = kontor("audit export --db '" + db_ + "' --out x --format xml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "kontor: error: --format: 'xml' (jsonl or csv)\n");
}

TEST_F(AuditCliTest, ACrewRunLeavesAVerifiableChain) {
  CliRun run = kontor("run --json --as-of 2026-11-23 --db '" + db_ +
                      "' 'source 2000 insulated steel bottles for Germany, retail €24.99'");
  ASSERT_NE(run.out.find("case.summary"), std::string::npos) << run.out;
  CliRun r = kontor("audit verify --json --db '" + db_ + "'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  int cases = 0;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    json verdict = json::parse(line);
    EXPECT_TRUE(verdict["ok"].get<bool>()) << line;
    if (verdict["case"] != "K1") {
      EXPECT_GT(verdict["entries"].get<int>(), 5) << line;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 2);  // K1 and the crew's case
}

}  // namespace
