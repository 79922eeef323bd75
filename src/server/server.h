// Server: `kontor serve` — the HTTP API of docs/api.md (cases, event streams, answers and
// approvals, catalog search, landed cost, classification, health) and the built front end as
// static files, on cpp-httplib. It stands on a crew::Workspace (store, engines, runner) and adds
// the EventHub (runner observer → server-sent events), the CaseJobs pool (cases run in the
// background, durably queued), the TokenBook (bearer tokens) and StaticFiles. Every case event
// also goes into the tamper-evident audit log (policy::AuditObserver), as under the CLI; the
// workspace's policy (e.g. a capability grant, `kontor serve --grant`) decides what needs a human.
//
// Lifecycle: create() → bind() (port 0 picks a free one) → serve() blocks until shutdown(),
// which may be called from any thread (the CLI calls it on SIGINT/SIGTERM): no new jobs (503),
// running case jobs end (their cases are durable; queued jobs stay stored and run on the next
// start), every committed event is flushed to open streams, the streams close, the listener
// closes, in-flight requests finish.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "crew/workspace.h"
#include "server/tokens.h"

namespace kontor::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: any free port (tests)
  std::string web_dir;          // the built front end; "" or missing: a page saying how to build it
  unsigned http_threads = 256;  // connections served at once (each event stream holds one)
  unsigned workers = 2;         // cases run at once
  std::size_t max_queue = 64;   // case jobs waiting; more → 503
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::seconds timeout{10};            // read/write timeout of a request
  std::chrono::milliseconds heartbeat{15000};  // event-stream keep-alive comment interval
  std::string version = "0";
  std::function<Date()> today;  // the default as_of of new cases; default: the system clock
};

class Server {
 public:
  // The workspace must have engines and outlive the server.
  static StatusOr<std::unique_ptr<Server>> create(crew::Workspace& workspace,
                                                  ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port.
  StatusOr<int> bind();
  // Queues the case jobs an earlier process left, then serves until shutdown().
  Status serve();
  // Graceful stop (see above); idempotent, thread-safe. serve() returns afterwards.
  void shutdown();
  // Blocks until serve() is accepting connections (tests start serve() on a thread).
  void wait_until_ready() const;
  TokenBook& tokens();

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kontor::server
