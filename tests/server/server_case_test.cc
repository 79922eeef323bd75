// A whole case through the API: create → events until it waits → answer → completed → report;
// the event stream's replay with Last-Event-ID (also across a restart of the server); approvals.
#include <gtest/gtest.h>

#include <set>

#include "server_test_util.h"

namespace kontor::server::testing {
namespace {

using nlohmann::json;

std::string create_case(const TestServer& server) {
  auto res = server.post("/api/cases", {{"goal", kGoal}, {"as_of", "2026-11-23"}});
  EXPECT_TRUE(res);
  EXPECT_EQ(res->status, 202) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["status"], "queued");
  EXPECT_EQ(res->get_header_value("Location"), "/api/cases/" + body["case_id"].get<std::string>());
  return body["case_id"];
}

bool is_status(const SseMessage& m, const std::string& status) {
  return m.event == "case.status" && json::parse(m.data)["status"] == status;
}

// Ids of the journaled messages, which must be consecutive from `first`.
void expect_consecutive(const std::vector<SseMessage>& messages, std::int64_t first) {
  std::int64_t next = first;
  for (const SseMessage& m : messages) {
    if (m.id == 0) continue;
    EXPECT_EQ(m.id, next) << m.event;
    EXPECT_EQ(json::parse(m.data)["seq"], m.id);
    next = m.id + 1;
  }
}

TEST(ServerCaseTest, CaseRunsToCompletionThroughTheApi) {
  TestServer server;
  const std::string id = create_case(server);
  auto events = read_events(server, "/api/cases/" + id + "/events", server.auth(),
                            [](const SseMessage& m) { return m.event == "task.waiting"; });
  ASSERT_FALSE(events.empty());
  expect_consecutive(events, 1);
  std::vector<std::string> types;
  for (const SseMessage& m : events) types.push_back(m.event);
  EXPECT_NE(std::find(types.begin(), types.end(), "case.created"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "question.asked"), types.end());

  json summary = server.wait_for_status(id, {"waiting"});
  ASSERT_EQ(summary["open_questions"].size(), 1u);
  EXPECT_EQ(summary["open_questions"][0]["id"], "hs.code");
  EXPECT_EQ(summary["open_questions"][0]["task"], "compliance");
  EXPECT_EQ(summary["open_questions"][0]["options"].size(), 2u);
  EXPECT_EQ(summary["tasks"][0]["agent"].get<std::string>().empty(), false);

  auto answered = server.post("/api/cases/" + id + "/answers",
                              {{"question_id", "hs.code"}, {"text", "9617.00"}});
  ASSERT_TRUE(answered);
  EXPECT_EQ(answered->status, 202) << answered->body;
  json done = server.approve_until_done(id);
  EXPECT_EQ(done["status"], "completed");
  EXPECT_TRUE(done["open_questions"].empty());
  for (const json& task : done["tasks"]) EXPECT_EQ(task["state"], "done") << task.dump();

  auto html = server.get("/api/cases/" + id + "/report");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("<svg"), std::string::npos);
  auto md = server.get("/api/cases/" + id + "/report?format=md");
  EXPECT_EQ(md->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
  auto report = server.get("/api/cases/" + id + "/report?format=json");
  EXPECT_EQ(json::parse(report->body)["format"], "kontor.report");
  auto bad = server.get("/api/cases/" + id + "/report?format=pdf");
  EXPECT_EQ(bad->status, 400);

  auto list = server.get("/api/cases");
  json cases = json::parse(list->body)["cases"];
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0]["id"], id);
  EXPECT_EQ(cases[0]["status"], "completed");
}

// Regression (browser test on a fresh machine): while the start job loaded the engines the case
// had neither a queued job nor a record, and the page that opens right after creation got 404.
TEST(ServerCaseTest, ANewCaseIsReadableFromItsCreationOn) {
  TestServer server;
  const std::string id = create_case(server);
  std::set<std::string> seen;
  for (int i = 0; i < 4000; ++i) {
    auto res = server.get("/api/cases/" + id);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << "after " << i << " reads, statuses " << seen.size() << ": "
                                << res->body;
    const std::string status = json::parse(res->body)["status"];
    seen.insert(status);
    if (status == "waiting") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_TRUE(seen.contains("waiting"));
}

TEST(ServerCaseTest, AnsweringTwiceIsAConflict) {
  TestServer server;
  const std::string id = create_case(server);
  server.wait_for_status(id, {"waiting"});
  auto unknown =
      server.post("/api/cases/" + id + "/answers", {{"question_id", "hs.nothing"}, {"text", "x"}});
  EXPECT_EQ(unknown->status, 404);
  auto empty = server.post("/api/cases/" + id + "/answers", {{"question_id", "hs.code"}});
  EXPECT_EQ(empty->status, 400);
  EXPECT_EQ(json::parse(empty->body)["error"]["field"], "text");
  ASSERT_EQ(
      server
          .post("/api/cases/" + id + "/answers", {{"question_id", "hs.code"}, {"text", "9617.00"}})
          ->status,
      202);
  server.approve_until_done(id);
  auto again = server.post("/api/cases/" + id + "/answers",
                           {{"question_id", "hs.code"}, {"text", "7323.93"}});
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(json::parse(again->body)["error"]["code"], "conflict");
}

TEST(ServerCaseTest, ReplayStartsAfterLastEventId) {
  TestServer server;
  const std::string id = create_case(server);
  json summary = server.wait_for_status(id, {"waiting"});
  const std::int64_t head = summary["seq"];
  ASSERT_GT(head, 6);
  auto headers = server.auth();
  headers.emplace("Last-Event-ID", "5");
  auto events = read_events(server, "/api/cases/" + id + "/events", headers,
                            [&](const SseMessage& m) { return m.id == head; });
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(is_status(events.front(), "waiting"));
  expect_consecutive(events, 6);
  EXPECT_EQ(events.back().id, head);
  // The token may come in the query (EventSource cannot send headers).
  auto by_query = read_events(server,
                              "/api/cases/" + id + "/events?access_token=" + server.token() +
                                  "&last_event_id=" + std::to_string(head - 1),
                              {}, [&](const SseMessage& m) { return m.id == head; });
  ASSERT_FALSE(by_query.empty());
  EXPECT_EQ(by_query.back().id, head);
}

TEST(ServerCaseTest, BadLastEventIdIs400) {
  TestServer server;
  const std::string id = create_case(server);
  server.wait_for_status(id, {"waiting"});
  auto headers = server.auth();
  headers.emplace("Last-Event-ID", "abc");
  auto res = server.client().Get("/api/cases/" + id + "/events", headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
}

TEST(ServerCaseTest, EveryEventExactlyOnceAcrossARestart) {
  const std::string db = (std::filesystem::temp_directory_path() /
                          ("kontor-server-restart-" + std::to_string(getpid()) + ".db"))
                             .string();
  std::filesystem::remove(db);
  std::string id;
  std::vector<SseMessage> first;
  std::int64_t seen = 0;
  {
    TestServerOptions options;
    options.db_path = db;
    TestServer server(options);
    id = create_case(server);
    server.wait_for_status(id, {"waiting"});
    // A client reads part of the stream, then the server stops under it.
    first = read_events(server, "/api/cases/" + id + "/events", server.auth(),
                        [](const SseMessage& m) { return m.id == 4; });
    ASSERT_FALSE(first.empty());
    seen = first.back().id;
    ASSERT_EQ(server
                  .post("/api/cases/" + id + "/answers",
                        {{"question_id", "hs.code"}, {"text", "9617.00"}})
                  ->status,
              202);
    server.stop();  // the answer's job finishes (or stays queued) — nothing is lost
  }
  TestServerOptions options;
  options.db_path = db;
  TestServer restarted(options);
  json done = restarted.approve_until_done(id);
  EXPECT_EQ(done["status"], "completed");
  const std::int64_t head = done["seq"];
  auto headers = restarted.auth();
  headers.emplace("Last-Event-ID", std::to_string(seen));
  auto second = read_events(restarted, "/api/cases/" + id + "/events", headers,
                            [&](const SseMessage& m) { return m.id == head; });
  std::set<std::int64_t> ids;
  for (const auto* batch : {&first, &second}) {
    for (const SseMessage& m : *batch) {
      if (m.id == 0) continue;
      EXPECT_TRUE(ids.insert(m.id).second) << "seq " << m.id << " twice";
    }
  }
  EXPECT_EQ(static_cast<std::int64_t>(ids.size()), head);
  EXPECT_EQ(*ids.begin(), 1);
  EXPECT_EQ(*ids.rbegin(), head);
  restarted.stop();
  std::filesystem::remove(db);
}

TEST(ServerCaseTest, ApproveAndDenyHeldActions) {
  HoldEverythingPolicy policy;
  TestServerOptions options;
  options.policy = &policy;
  TestServer server(options);
  const std::string id = create_case(server);
  server.wait_for_status(id, {"waiting"});
  ASSERT_EQ(
      server
          .post("/api/cases/" + id + "/answers", {{"question_id", "hs.code"}, {"text", "9617.00"}})
          ->status,
      202);
  json summary = server.wait_for_status(id, {"waiting", "completed", "failed"});
  for (int i = 0; i < 200 && summary["status"] != "waiting"; ++i) {
    summary = server.wait_for_status(id, {"waiting", "completed", "failed"});
  }
  ASSERT_GE(summary["pending_approvals"].size(), 2u) << summary.dump();
  const json first = summary["pending_approvals"][0];
  const json second = summary["pending_approvals"][1];
  EXPECT_EQ(first["state"], "awaiting_approval");
  EXPECT_FALSE(first["kind"].get<std::string>().empty());
  EXPECT_TRUE(first.contains("counterparty"));

  auto no_reason =
      server.post("/api/cases/" + id + "/actions/" + second["key"].get<std::string>() + "/deny",
                  json::object());
  EXPECT_EQ(no_reason->status, 400);
  EXPECT_EQ(json::parse(no_reason->body)["error"]["field"], "reason");

  const std::string prefix = first["key"].get<std::string>().substr(0, 12);
  auto approved =
      server.post("/api/cases/" + id + "/actions/" + prefix + "/approve", json::object());
  ASSERT_EQ(approved->status, 202) << approved->body;
  server.wait_for_status(id, {"waiting", "completed", "failed"});
  auto denied =
      server.post("/api/cases/" + id + "/actions/" + second["key"].get<std::string>() + "/deny",
                  {{"reason", "not this supplier"}});
  ASSERT_EQ(denied->status, 202) << denied->body;
  json after = server.wait_for_status(id, {"waiting", "completed", "failed"});
  std::map<std::string, std::string> states;
  for (const json& a : after["actions"]) states[a["key"]] = a["state"];
  EXPECT_EQ(states[first["key"]], "done");
  EXPECT_EQ(states[second["key"]], "denied");

  auto twice = server.post("/api/cases/" + id + "/actions/" + prefix + "/approve", json::object());
  EXPECT_EQ(twice->status, 409);
  auto unknown = server.post("/api/cases/" + id + "/actions/ffffffffffff/approve", json::object());
  EXPECT_EQ(unknown->status, 404);
}

}  // namespace
}  // namespace kontor::server::testing
