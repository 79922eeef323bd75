#include "server/server.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "core/csv.h"
#include "policy/audit_observer.h"
#include "server/case_jobs.h"
#include "server/detail/routes.h"
#include "server/event_hub.h"
#include "server/static_files.h"

namespace kontor::server {
namespace detail {

using nlohmann::json;

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, const ApiError& error) {
  if (error.http_status == 401) res.set_header("WWW-Authenticate", "Bearer");
  send_json(res, error.http_status, error_json(error));
}

void send_status(httplib::Response& res, const Status& status) {
  send_error(res, api_error(status));
}

bool authorized(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                bool query_token) {
  std::string token;
  const std::string header = req.get_header_value("Authorization");
  if (header.starts_with("Bearer ")) {
    token = header.substr(7);
  } else if (query_token && req.has_param("access_token")) {
    token = req.get_param_value("access_token");
  }
  if (token.empty()) {
    send_error(res, api_error(401, "unauthenticated",
                              "authorization: missing bearer token (Authorization: Bearer …)"));
    return false;
  }
  StatusOr<bool> valid = ctx.tokens.verify(token);
  if (!valid.ok()) {
    send_status(res, valid.status());
    return false;
  }
  if (!*valid) {
    send_error(res, api_error(401, "unauthenticated", "authorization: unknown or revoked token"));
    return false;
  }
  return true;
}

Status check_params(const httplib::Request& req, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : req.params) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return invalid_argument(name + ": unknown query parameter");
    }
  }
  return ok_status();
}

Date today(const ServerContext& ctx) {
  return ctx.options.today ? ctx.options.today() : SystemClock().today();
}

}  // namespace detail

class Server::Impl {
 public:
  Impl(crew::Workspace& workspace, ServerOptions options)
      : options_(std::move(options)),
        workspace_(workspace),
        tokens_(workspace.store()),
        jobs_(workspace, hub_, options_.workers, options_.max_queue),
        files_(options_.web_dir),
        audit_(workspace.store()),
        ctx_{workspace, hub_, jobs_, tokens_, options_, files_, stopping_} {
    // The same tamper-evident audit trail as the CLI's crew commands (kontor audit verify).
    workspace.runner().add_observer(&audit_);
    workspace.runner().add_observer(&hub_);
    configure();
  }

  void configure();
  void serve_static(const httplib::Request& req, httplib::Response& res);

  ServerOptions options_;
  crew::Workspace& workspace_;
  EventHub hub_;
  TokenBook tokens_;
  CaseJobs jobs_;
  StaticFiles files_;
  policy::AuditObserver audit_;
  std::atomic<bool> stopping_{false};
  detail::ServerContext ctx_;
  httplib::Server http_;
  std::mutex shutdown_mutex_;
  bool shut_down_ = false;
};

void Server::Impl::configure() {
  const unsigned threads = options_.http_threads == 0 ? 8 : options_.http_threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(options_.max_body_bytes);
  http_.set_read_timeout(options_.timeout);
  http_.set_write_timeout(options_.timeout);
  http_.set_keep_alive_max_count(1000);
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unexpected error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        detail::send_error(res, api_error(500, "internal", "server: " + what));
      });
  // Errors httplib raises itself (413, 400 on a bad request line, 404 of no route) get our body.
  http_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const int status = res.status;
    if (status == 413) {
      detail::send_error(res,
                         api_error(413, "payload_too_large", "body: larger than the 1 MiB limit"));
    } else if (status == 404) {
      detail::send_error(res, api_error(404, "not_found", "path: no such endpoint"));
    } else {
      detail::send_error(res, api_error(status, status < 500 ? "invalid_argument" : "internal",
                                        "request: HTTP " + std::to_string(status)));
    }
  });
  detail::add_case_routes(http_, ctx_);
  detail::add_event_routes(http_, ctx_);
  detail::add_tool_routes(http_, ctx_);
  http_.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    detail::send_error(res,
                       api_error(404, "not_found", "path '" + req.path + "': no such endpoint"));
  });
  http_.Post(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    detail::send_error(res,
                       api_error(404, "not_found", "path '" + req.path + "': no such endpoint"));
  });
  http_.Get(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) {
    serve_static(req, res);
  });
}

void Server::Impl::serve_static(const httplib::Request& req, httplib::Response& res) {
  if (!files_.available()) {
    if (req.path != "/" && req.path != "/index.html") {
      detail::send_error(res, api_error(404, "not_found", "path '" + req.path + "': no such file"));
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(
        "<!doctype html><meta charset=utf-8><title>Kontor</title><p>The Kontor API is running "
        "(<a href=\"/api/health\">/api/health</a>). The front end is not built: run "
        "<code>make web</code> (or start with <code>--web-dir</code>).</p>\n",
        "text/html; charset=utf-8");
    return;
  }
  std::optional<StaticFile> file = files_.resolve(req.path);
  if (!file) {
    detail::send_error(res, api_error(404, "not_found", "path '" + req.path + "': no such file"));
    return;
  }
  auto body = read_file(file->path.string());
  if (!body.ok()) {
    detail::send_status(res, body.status());
    return;
  }
  res.set_header("Cache-Control", file->cache_control);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(std::move(body).value(), file->content_type);
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { shutdown(); }

StatusOr<std::unique_ptr<Server>> Server::create(crew::Workspace& workspace,
                                                 ServerOptions options) {
  if (workspace.engines() == nullptr) {
    return failed_precondition("server: the workspace was opened without engines");
  }
  return std::unique_ptr<Server>(new Server(std::make_unique<Impl>(workspace, std::move(options))));
}

StatusOr<int> Server::bind() {
  const ServerOptions& o = impl_->options_;
  if (o.port == 0) {
    const int port = impl_->http_.bind_to_any_port(o.host);
    if (port <= 0) return unavailable("server: cannot bind " + o.host + " to any port");
    return port;
  }
  if (!impl_->http_.bind_to_port(o.host, o.port)) {
    return unavailable("server: cannot listen on " + o.host + ":" + std::to_string(o.port) +
                       " (in use, or not an address of this host)");
  }
  return o.port;
}

Status Server::serve() {
  RETURN_IF_ERROR(impl_->jobs_.recover());
  if (!impl_->http_.listen_after_bind() && !impl_->stopping_) {
    return internal_error("server: the listening socket failed");
  }
  return ok_status();
}

void Server::wait_until_ready() const {
  while (!impl_->http_.is_running() && !impl_->stopping_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void Server::shutdown() {
  std::lock_guard lock(impl_->shutdown_mutex_);
  if (impl_->shut_down_) return;
  impl_->shut_down_ = true;
  impl_->stopping_ = true;
  // Cases first: the running jobs commit their last events, which reach the streams' queues;
  // queued jobs stay stored. The listener must stay open meanwhile: httplib ends every
  // streaming response as soon as it stops (tests/server/server_shutdown_test.cc).
  impl_->jobs_.stop();
  // Streams flush what they hold and end; then the listener stops and in-flight requests end.
  impl_->hub_.close();
  impl_->http_.stop();
}

TokenBook& Server::tokens() { return impl_->tokens_; }

}  // namespace kontor::server
