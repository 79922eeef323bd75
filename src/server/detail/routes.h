// Internal to the server: what the route files share — the server's parts, JSON responses, the
// error body, and the token check.
#pragma once

#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>

#include "crew/workspace.h"
#include "server/api_json.h"
#include "server/case_jobs.h"
#include "server/event_hub.h"
#include "server/server.h"
#include "server/static_files.h"
#include "server/tokens.h"

namespace kontor::server::detail {

struct ServerContext {
  crew::Workspace& workspace;
  EventHub& hub;
  CaseJobs& jobs;
  TokenBook& tokens;
  const ServerOptions& options;
  StaticFiles& files;
  std::atomic<bool>& stopping;
};

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, const ApiError& error);
void send_status(httplib::Response& res, const Status& status);

// Checks the bearer token (and, when `query_token`, ?access_token=); sends 401 and returns false
// when it is missing, wrong or revoked.
bool authorized(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                bool query_token = false);
// invalid_argument naming the first query parameter not in `allowed`.
Status check_params(const httplib::Request& req, std::initializer_list<std::string_view> allowed);

Date today(const ServerContext& ctx);

void add_case_routes(httplib::Server& http, ServerContext& ctx);
void add_event_routes(httplib::Server& http, ServerContext& ctx);
void add_tool_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace kontor::server::detail
