// Routes of the cases: create, list, read, report, answer, approve, deny (docs/api.md).
#include <algorithm>

#include "crew/case.h"
#include "report/report.h"
#include "server/case_json.h"
#include "server/detail/routes.h"

namespace kontor::server::detail {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxGoalBytes = 10000;

// The case id of the path, or a 404 already sent.
std::optional<crew::CaseInfo> find_case_or_404(ServerContext& ctx, const std::string& id,
                                               httplib::Response& res) {
  if (!valid_case_id(id)) {
    send_error(res, api_error(404, "not_found", "case '" + id + "': no such case"));
    return std::nullopt;
  }
  StatusOr<crew::CaseInfo> info = crew::find_case(ctx.workspace.store(), id);
  if (!info.ok()) {
    if (info.status().code() == StatusCode::kNotFound) {
      send_error(res, api_error(404, "not_found", "case '" + id + "': no such case"));
    } else {
      send_status(res, info.status());
    }
    return std::nullopt;
  }
  return std::move(info).value();
}

StatusOr<json> summary_of(ServerContext& ctx, const crew::CaseInfo& info) {
  ASSIGN_OR_RETURN(crew::CaseSummary summary, ctx.workspace.runner().inspect(info.id));
  CaseExtras extras{ctx.jobs.status(info.id), ctx.hub.progress(info.id),
                    ctx.jobs.last_error(info.id)};
  return case_summary_json(info, summary, extras);
}

// A case whose start job is queued, or running but has not yet written the case's first record
// (loading the engines can take seconds), has no record: its summary is the request itself.
json queued_summary(const std::string& id, const json& params, const std::string& job_status) {
  return {{"case_id", id},
          {"goal", params.value("goal", "")},
          {"skill", ""},
          {"as_of", params.value("as_of", "")},
          {"created_at", ""},
          {"status", job_status},
          {"seq", 0},
          {"brief", json::object()},
          {"tasks", json::array()},
          {"blocked", json::array()},
          {"open_questions", json::array()},
          {"pending_approvals", json::array()},
          {"actions", json::array()},
          {"last_error", nullptr}};
}

StatusOr<json> parse_create(ServerContext& ctx, const std::string& body, std::string& case_id) {
  ASSIGN_OR_RETURN(json j, parse_object(body, {"goal", "as_of", "fields"}));
  ASSIGN_OR_RETURN(std::optional<std::string> goal, string_member(j, "goal", true));
  if (goal->size() > kMaxGoalBytes) return invalid_argument("goal: longer than 10000 bytes");
  ASSIGN_OR_RETURN(std::optional<std::string> as_of_text, string_member(j, "as_of", false));
  Date as_of = today(ctx);
  if (as_of_text) {
    auto parsed = Date::parse(*as_of_text);
    if (!parsed.ok()) return parsed.status().with_context("as_of");
    as_of = *parsed;
  }
  std::map<std::string, std::string> fields;
  if (j.contains("fields") && !j["fields"].is_null()) {
    if (!j["fields"].is_object()) return invalid_argument("fields: expected a JSON object");
    for (const auto& [name, value] : j["fields"].items()) {
      if (!value.is_string()) return invalid_argument("fields." + name + ": expected a string");
      fields[name] = value.get<std::string>();
    }
  }
  // Intake and planning now, so a bad goal or field is this request's 400, not a failed job.
  case_id = new_case_id(as_of);
  ASSIGN_OR_RETURN(crew::NewCase checked,
                   ctx.workspace.new_case(*goal, as_of, fields, "", case_id));
  (void)checked;
  return json{{"goal", *goal}, {"as_of", as_of.to_string()}, {"fields", fields}};
}

void create_case(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string case_id;
  StatusOr<json> params = parse_create(ctx, req.body, case_id);
  if (!params.ok()) return send_status(res, params.status());
  Status submitted = ctx.jobs.submit(CaseJob{"start", case_id, *params, ""});
  if (!submitted.ok()) return send_status(res, submitted);
  res.set_header("Location", "/api/cases/" + case_id);
  send_json(res, 202, {{"case_id", case_id}, {"status", "queued"}});
}

void list_cases(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (Status s = check_params(req, {}); !s.ok()) return send_status(res, s);
  StatusOr<std::vector<crew::CaseInfo>> cases = crew::list_cases(ctx.workspace.store());
  if (!cases.ok()) return send_status(res, cases.status());
  std::sort(cases->begin(), cases->end(), [](const crew::CaseInfo& a, const crew::CaseInfo& b) {
    return a.created_at > b.created_at || (a.created_at == b.created_at && a.id > b.id);
  });
  json list = json::array();
  for (const crew::CaseInfo& info : *cases) {
    list.push_back(case_list_entry_json(info, ctx.jobs.status(info.id)));
  }
  send_json(res, 200, {{"cases", std::move(list)}});
}

void get_case(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (valid_case_id(id)) {
    const std::string job_status = ctx.jobs.status(id);
    if (!job_status.empty() && !crew::find_case(ctx.workspace.store(), id).ok()) {
      return send_json(res, 200, queued_summary(id, json::object(), job_status));
    }
  }
  auto info = find_case_or_404(ctx, id, res);
  if (!info) return;
  StatusOr<json> summary = summary_of(ctx, *info);
  if (!summary.ok()) return send_status(res, summary.status());
  send_json(res, 200, *summary);
}

void get_report(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (Status s = check_params(req, {"format"}); !s.ok()) return send_status(res, s);
  auto info = find_case_or_404(ctx, req.matches[1], res);
  if (!info) return;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
  auto view = load_case_view(ctx.workspace.store(), info->id, ctx.jobs.status(info->id));
  if (!view.ok()) return send_status(res, view.status());
  res.set_header("Cache-Control", "no-store");
  if (format == "html") {
    res.set_content(report::render_html(*view), "text/html; charset=utf-8");
  } else if (format == "md" || format == "markdown") {
    res.set_content(report::render_markdown(*view), "text/markdown; charset=utf-8");
  } else if (format == "json") {
    res.set_content(report::render_json(*view), "application/json");
  } else {
    send_status(res, invalid_argument("format: expected html, md or json, got '" + format + "'"));
  }
}

// Queues the job and answers 202 with the summary as it stands.
void accept_job(ServerContext& ctx, const crew::CaseInfo& info, CaseJob job,
                httplib::Response& res) {
  Status submitted = ctx.jobs.submit(std::move(job));
  if (!submitted.ok()) return send_status(res, submitted);
  StatusOr<json> summary = summary_of(ctx, info);
  if (!summary.ok()) return send_status(res, summary.status());
  send_json(res, 202, *summary);
}

void answer(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto info = find_case_or_404(ctx, req.matches[1], res);
  if (!info) return;
  StatusOr<json> body = parse_object(req.body, {"question_id", "text"});
  if (!body.ok()) return send_status(res, body.status());
  auto question_id = string_member(*body, "question_id", true);
  if (!question_id.ok()) return send_status(res, question_id.status());
  auto text = string_member(*body, "text", true);
  if (!text.ok()) return send_status(res, text.status());
  StatusOr<crew::CaseState> state = crew::load_case_state(ctx.workspace.store(), info->id);
  if (!state.ok()) return send_status(res, state.status());
  const crew::QuestionRecord* q = state->question(**question_id);
  if (q == nullptr) {
    return send_error(
        res, api_error(404, "not_found",
                       "question_id: '" + **question_id + "' not asked in case '" + info->id + "'",
                       "question_id"));
  }
  if (q->answer) {
    return send_error(
        res, api_error(409, "conflict",
                       "question_id: '" + **question_id + "' already answered: " + *q->answer,
                       "question_id"));
  }
  accept_job(ctx, *info,
             CaseJob{"answer", info->id, {{"question_id", **question_id}, {"text", **text}}, ""},
             res);
}

// The outbox entry `key` names (full key or a unique prefix of 8+ characters).
StatusOr<store::OutboxAction> find_action(ServerContext& ctx, const std::string& case_id,
                                          const std::string& key) {
  store::Outbox outbox(ctx.workspace.store(), case_id);
  ASSIGN_OR_RETURN(std::vector<store::OutboxAction> actions, outbox.list());
  std::vector<const store::OutboxAction*> matches;
  for (const store::OutboxAction& a : actions) {
    if (a.key == key) return a;
    if (key.size() >= 8 && a.key.starts_with(key)) matches.push_back(&a);
  }
  if (matches.empty()) {
    return not_found("action '" + key + "': not in case '" + case_id + "'");
  }
  if (matches.size() > 1) return invalid_argument("key: prefix '" + key + "' is ambiguous");
  return *matches.front();
}

void decide(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, bool approve) {
  auto info = find_case_or_404(ctx, req.matches[1], res);
  if (!info) return;
  StatusOr<json> body = approve ? parse_object(req.body, {}) : parse_object(req.body, {"reason"});
  if (!body.ok()) return send_status(res, body.status());
  std::string reason;
  if (!approve) {
    auto given = string_member(*body, "reason", true);
    if (!given.ok()) return send_status(res, given.status());
    reason = **given;
  }
  StatusOr<store::OutboxAction> action = find_action(ctx, info->id, req.matches[2]);
  if (!action.ok()) return send_status(res, action.status());
  if (action->state != store::ActionState::kAwaitingApproval) {
    return send_error(res, api_error(409, "conflict",
                                     "action '" + action->key + "': " +
                                         std::string(store::action_state_name(action->state)) +
                                         ", not awaiting approval"));
  }
  json params = {{"key", action->key}};
  if (!approve) params["reason"] = reason;
  accept_job(ctx, *info, CaseJob{approve ? "approve" : "deny", info->id, params, ""}, res);
}

}  // namespace

void add_case_routes(httplib::Server& http, ServerContext& ctx) {
  auto guard =
      [&ctx](void (*handler)(ServerContext&, const httplib::Request&, httplib::Response&)) {
        return [&ctx, handler](const httplib::Request& req, httplib::Response& res) {
          if (authorized(ctx, req, res)) handler(ctx, req, res);
        };
      };
  http.Post("/api/cases", guard(create_case));
  http.Get("/api/cases", guard(list_cases));
  http.Get(R"(/api/cases/([^/]+))", guard(get_case));
  http.Get(R"(/api/cases/([^/]+)/report)", guard(get_report));
  http.Post(R"(/api/cases/([^/]+)/answers)", guard(answer));
  http.Post(R"(/api/cases/([^/]+)/actions/([^/]+)/approve)",
            guard([](ServerContext& c, const httplib::Request& q, httplib::Response& r) {
              decide(c, q, r, true);
            }));
  http.Post(R"(/api/cases/([^/]+)/actions/([^/]+)/deny)",
            guard([](ServerContext& c, const httplib::Request& q, httplib::Response& r) {
              decide(c, q, r, false);
            }));
}

}  // namespace kontor::server::detail
