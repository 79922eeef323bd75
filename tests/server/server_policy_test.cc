// The server under the policy module: every case event lands in the tamper-evident audit log
// (as under the CLI's crew commands), and a capability grant (`kontor serve --grant`) decides
// which of the crew's actions run alone and which wait for a human.
#include <gtest/gtest.h>

#include <map>

#include "policy/audit.h"
#include "policy/grant.h"
#include "policy/grant_policy.h"
#include "server_test_util.h"

namespace kontor::server::testing {
namespace {

using nlohmann::json;

std::string create_case(const TestServer& server) {
  auto res = server.post("/api/cases", {{"goal", kGoal}, {"as_of", "2026-11-23"}});
  EXPECT_TRUE(res);
  EXPECT_EQ(res->status, 202) << res->body;
  return json::parse(res->body)["case_id"];
}

void answer_hs_question(const TestServer& server, const std::string& id) {
  server.wait_for_status(id, {"waiting"});
  auto answered = server.post("/api/cases/" + id + "/answers",
                              {{"question_id", "hs.code"}, {"text", "9617.00"}});
  ASSERT_TRUE(answered);
  ASSERT_EQ(answered->status, 202) << answered->body;
}

// A grant signed by a fixed root key for the whole workspace, allowing `actions`.
policy::Grant make_grant(const policy::KeyPair& root, std::vector<std::string> actions) {
  policy::Block block;
  block.id = "g-00000000000000dd";
  block.holder = "workspace";
  block.actions = std::move(actions);
  block.expires = *policy::parse_time("2099-12-31");
  return *policy::Grant::create(root, block);
}

policy::KeyPair root_key() {
  policy::Seed seed{};
  seed.fill(7);
  return policy::KeyPair::from_seed(seed);
}

std::map<std::string, std::string> action_states(const json& summary) {
  std::map<std::string, std::string> states;
  for (const json& a : summary["actions"]) states[a["kind"]] = a["state"];
  return states;
}

TEST(ServerPolicyTest, EveryEventOfACaseIsInTheAuditLog) {
  TestServer server;
  const std::string id = create_case(server);
  answer_hs_question(server, id);
  ASSERT_EQ(server.approve_until_done(id)["status"], "completed");
  // The last job may still be committing its final events: read the case once the pool is idle.
  json done = server.wait_until_idle(id);

  policy::AuditLog log(server.store());
  auto verdict = log.verify(id);
  ASSERT_TRUE(verdict.ok()) << verdict.status().to_string();
  EXPECT_TRUE(verdict->ok) << verdict->problem;
  auto head = log.head(id);
  ASSERT_TRUE(head.ok());
  // One entry per journal event, the last one audited.
  EXPECT_EQ(head->journal_seq, done["seq"].get<std::int64_t>());
  EXPECT_EQ(verdict->entries, done["seq"].get<std::int64_t>());
  std::map<std::string, int> kinds;
  ASSERT_TRUE(log.read(id,
                       [&](const policy::AuditEntry& e) {
                         ++kinds[e.kind];
                         return ok_status();
                       })
                  .ok());
  EXPECT_EQ(kinds["case.created"], 1);
  EXPECT_EQ(kinds["question.answered"], 1);
  EXPECT_GE(kinds["action.approved"], 1);
}

TEST(ServerPolicyTest, UnderAGrantTheCrewOrdersTheSampleWithoutAHuman) {
  const policy::KeyPair root = root_key();
  policy::GrantPolicy grant(make_grant(root, {"rfq.send", "sample.order", "supplier.message"}),
                            root.public_key);
  ASSERT_TRUE(grant.verify_status().ok()) << grant.verify_status().to_string();
  TestServerOptions options;
  options.policy = &grant;
  TestServer server(options);
  const std::string id = create_case(server);
  answer_hs_question(server, id);
  json done = server.wait_for_status(id, {"completed", "failed"});
  EXPECT_EQ(done["status"], "completed") << done.dump();
  EXPECT_TRUE(done["pending_approvals"].empty());
  EXPECT_EQ(action_states(done)["sample.order"], "done");
}

TEST(ServerPolicyTest, AnActionOutsideTheGrantWaitsForApproval) {
  const policy::KeyPair root = root_key();
  policy::GrantPolicy grant(make_grant(root, {"rfq.send", "supplier.message"}), root.public_key);
  TestServerOptions options;
  options.policy = &grant;
  TestServer server(options);
  const std::string id = create_case(server);
  answer_hs_question(server, id);
  json summary = server.wait_for_status(id, {"waiting", "completed", "failed"});
  for (int i = 0; i < 200 && summary["pending_approvals"].empty() &&
                  summary["status"] != "completed" && summary["status"] != "failed";
       ++i) {
    summary = server.wait_for_status(id, {"waiting", "completed", "failed"});
  }
  ASSERT_EQ(summary["status"], "waiting") << summary.dump();
  ASSERT_EQ(summary["pending_approvals"].size(), 1u) << summary.dump();
  EXPECT_EQ(summary["pending_approvals"][0]["kind"], "sample.order");
  EXPECT_EQ(summary["pending_approvals"][0]["state"], "awaiting_approval");
  EXPECT_EQ(action_states(summary)["rfq.send"], "done");
}

}  // namespace
}  // namespace kontor::server::testing
