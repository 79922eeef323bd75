// A real `kontor serve` in the test process: a Workspace over the real reference data and a
// small demo marketplace (engines loaded once per binary and shared), the Server on an ephemeral
// loopback port, and an httplib client with a valid token; plus a small SSE reader.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "crew/actions.h"
#include "crew/engines.h"
#include "crew/workspace.h"
#include "server/server.h"
#include "store/memory/memory_store.h"
#include "store/sqlite/sqlite_store.h"

namespace kontor::server::testing {

inline constexpr const char* kGoal =
    "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March";

// The reference data and trained classifier, loaded once for the whole binary.
inline const crew::EngineSet& shared_engines() {
  static std::unique_ptr<crew::EngineSet> set = [] {
    crew::EngineOptions options;
    options.demo.products = 1000;
    auto loaded = crew::load_engines(options);
    if (!loaded.ok()) {
      fprintf(stderr, "load_engines: %s\n", loaded.status().to_string().c_str());
      std::abort();
    }
    return std::move(*loaded);
  }();
  return *set;
}

// Every action waits for a human (the default lets actions without an amount run).
class HoldEverythingPolicy final : public crew::Policy {
 public:
  crew::PolicyDecision decide(std::string_view, std::string_view,
                              const crew::ProposedAction&) override {
    return {crew::PolicyVerdict::kNeedsApproval, "test: every action needs a human"};
  }
};

struct TestServerOptions {
  std::string db_path;  // "" = in-memory store
  std::string web_dir;
  crew::Policy* policy = nullptr;
  std::chrono::milliseconds heartbeat{15000};
};

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {}) {
    if (!options.db_path.empty()) {
      auto opened = store::open_sqlite_store(options.db_path);
      EXPECT_TRUE(opened.ok()) << opened.status().to_string();
      store_ = std::move(*opened);
    } else {
      store_ = store::open_memory_store();
    }
    crew::WorkspaceOptions ws;
    ws.store = store_.get();
    ws.engines.demo.products = 1000;
    ws.engines.reference = shared_engines().shared_reference();
    ws.engines.classifier = shared_engines().shared_classifier();
    ws.policy = options.policy;
    ws.runner.threads = 2;
    auto workspace = crew::Workspace::open(std::move(ws));
    EXPECT_TRUE(workspace.ok()) << workspace.status().to_string();
    workspace_ = std::move(*workspace);
    ServerOptions so;
    so.port = 0;
    so.web_dir = options.web_dir;
    so.http_threads = 32;
    so.heartbeat = options.heartbeat;
    so.today = [] { return Date::from_ymd(2026, 11, 23).value(); };
    auto server = Server::create(*workspace_, so);
    EXPECT_TRUE(server.ok()) << server.status().to_string();
    server_ = std::move(*server);
    auto port = server_->bind();
    EXPECT_TRUE(port.ok()) << port.status().to_string();
    port_ = *port;
    auto token = server_->tokens().create("test");
    EXPECT_TRUE(token.ok());
    token_ = token->token;
    thread_ = std::thread([this] { EXPECT_TRUE(server_->serve().ok()); });
    server_->wait_until_ready();
  }
  ~TestServer() { stop(); }

  void stop() {
    if (!server_) return;
    server_->shutdown();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    workspace_.reset();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(std::chrono::seconds(60));
    return c;
  }
  httplib::Headers auth() const { return {{"Authorization", "Bearer " + token_}}; }
  int port() const { return port_; }
  const std::string& token() const { return token_; }
  Server& server() { return *server_; }
  store::Store& store() { return *store_; }

  httplib::Result get(const std::string& path) const { return client().Get(path, auth()); }
  httplib::Result post(const std::string& path, const nlohmann::json& body) const {
    return client().Post(path, auth(), body.dump(), "application/json");
  }

  // The summary, polled until its status is one of `statuses` (at most ~120 s).
  nlohmann::json wait_for_status(const std::string& case_id,
                                 const std::vector<std::string>& statuses) const {
    nlohmann::json summary;
    for (int i = 0; i < 2400; ++i) {
      auto res = get("/api/cases/" + case_id);
      if (res && res->status == 200) {
        summary = nlohmann::json::parse(res->body);
        for (const std::string& s : statuses) {
          if (summary["status"] == s) return summary;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "case " << case_id << " never reached the status; last: " << summary.dump();
    return summary;
  }

  // The summary once no job of the case is queued or running (health: queue and cases_running
  // both 0), so that nothing is still being committed.
  nlohmann::json wait_until_idle(const std::string& case_id) const {
    for (int i = 0; i < 2400; ++i) {
      auto health = client().Get("/api/health");
      if (health && health->status == 200) {
        auto body = nlohmann::json::parse(health->body);
        if (body["queue"] == 0 && body["cases_running"] == 0) break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    auto res = get("/api/cases/" + case_id);
    EXPECT_TRUE(res && res->status == 200);
    return res ? nlohmann::json::parse(res->body) : nlohmann::json();
  }

  // Runs a case that has its answers to the end: the default policy holds every action that
  // moves money (the README goal's sample order) for a human, so this approves each held action
  // as the owner would, until the case completes or fails.
  nlohmann::json approve_until_done(const std::string& case_id) const {
    nlohmann::json summary;
    for (int i = 0; i < 2400; ++i) {
      auto res = get("/api/cases/" + case_id);
      if (res && res->status == 200) {
        summary = nlohmann::json::parse(res->body);
        if (summary["status"] == "completed" || summary["status"] == "failed") return summary;
        for (const nlohmann::json& action : summary["pending_approvals"]) {
          if (action["state"] != "awaiting_approval") continue;
          post(
              "/api/cases/" + case_id + "/actions/" + action["key"].get<std::string>() + "/approve",
              nlohmann::json::object());
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "case " << case_id << " never finished; last: " << summary.dump();
    return summary;
  }

 private:
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<crew::Workspace> workspace_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::string token_;
};

struct SseMessage {
  std::int64_t id = 0;  // 0: no id line
  std::string event;
  std::string data;
};

// Reads a stream until `stop` returns true for a message (or the stream ends); returns every
// message read.
inline std::vector<SseMessage> read_events(const TestServer& server, const std::string& path,
                                           const httplib::Headers& headers,
                                           const std::function<bool(const SseMessage&)>& stop) {
  std::vector<SseMessage> messages;
  std::string buffer;
  httplib::Client c = server.client();
  c.Get(path, headers, [&](const char* data, size_t length) {
    buffer.append(data, length);
    std::size_t end;
    while ((end = buffer.find("\n\n")) != std::string::npos) {
      std::string block = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      SseMessage m;
      std::size_t start = 0;
      while (start < block.size()) {
        std::size_t nl = block.find('\n', start);
        if (nl == std::string::npos) nl = block.size();
        std::string line = block.substr(start, nl - start);
        start = nl + 1;
        if (line.starts_with("id: ")) m.id = std::stoll(line.substr(4));
        if (line.starts_with("event: ")) m.event = line.substr(7);
        if (line.starts_with("data: ")) m.data = line.substr(6);
      }
      if (m.event.empty()) continue;  // retry: or a comment
      messages.push_back(m);
      if (stop(m)) return false;
    }
    return true;
  });
  return messages;
}

}  // namespace kontor::server::testing
