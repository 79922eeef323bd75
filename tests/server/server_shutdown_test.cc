// Graceful shutdown: the running case job ends, an event stream open at that moment receives
// every event the job committed before it closes, and then the listener is closed.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "server_test_util.h"
#include "store/journal.h"

namespace kontor::server::testing {
namespace {

using nlohmann::json;

TEST(ServerShutdownTest, AStreamOpenAtShutdownGetsEveryCommittedEvent) {
  TestServer server;
  auto created = server.post("/api/cases", {{"goal", kGoal}, {"as_of", "2026-11-23"}});
  ASSERT_EQ(created->status, 202) << created->body;
  const std::string id = json::parse(created->body)["case_id"];

  // The case exists once its job has started (case.created is committed).
  for (int i = 0; i < 2400 && server.get("/api/cases/" + id)->status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::atomic<bool> reading{false};
  std::vector<SseMessage> messages;
  std::thread reader([&] {
    messages =
        read_events(server, "/api/cases/" + id + "/events", server.auth(), [&](const SseMessage&) {
          reading = true;
          return false;  // to the end of the stream
        });
  });
  for (int i = 0; i < 12000 && !reading; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server.server().shutdown();  // the case is still running (or has just stopped)
  reader.join();

  auto head = store::Journal(server.store(), id).head();
  ASSERT_TRUE(head.ok()) << head.status().to_string();
  std::int64_t next = 1;
  for (const SseMessage& m : messages) {
    if (m.id == 0) continue;
    EXPECT_EQ(m.id, next) << m.event;
    next = m.id + 1;
  }
  EXPECT_EQ(next - 1, *head) << "the stream ended before the last committed event";
  // The running job was let finish: the case reached its question rather than stopping midway.
  std::string last_status;
  for (const SseMessage& m : messages) {
    if (m.event == "case.status") last_status = json::parse(m.data)["status"];
  }
  EXPECT_EQ(last_status, "waiting");

  // The listener is closed: a new connection is refused.
  httplib::Client late("127.0.0.1", server.port());
  late.set_connection_timeout(std::chrono::seconds(2));
  EXPECT_FALSE(late.Get("/api/health"));
  server.stop();
}

}  // namespace
}  // namespace kontor::server::testing
