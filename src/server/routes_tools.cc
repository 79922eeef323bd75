// The stateless endpoints: health, catalog search, landed cost, HS classification — the same
// engines and JSON as `kontor search --json`, `kontor landed-cost --json` and `kontor classify
// --json`, on the engines the workspace loaded once.
#include <algorithm>
#include <charconv>

#include "catalog/catalog_search.h"
#include "compliance/hs_jsonl.h"
#include "server/detail/routes.h"
#include "trade/landed_cost_json.h"

namespace kontor::server::detail {
namespace {

using nlohmann::json;

// Repeated and comma-separated values of a query parameter, trimmed, empty ones dropped.
std::vector<std::string> list_param(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> out;
  const std::size_t n = req.get_param_value_count(name);
  for (std::size_t i = 0; i < n; ++i) {
    std::string value = req.get_param_value(name, i);
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string item = value.substr(start, comma - start);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

StatusOr<std::int64_t> int_param(const httplib::Request& req, const std::string& name,
                                 std::int64_t low, std::int64_t high) {
  const std::string text = req.get_param_value(name);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    return invalid_argument(name + ": expected a whole number from " + std::to_string(low) +
                            " to " + std::to_string(high) + ", got '" + text + "'");
  }
  return value;
}

// FX for the price filter: the rates of today or, when the data ends earlier, of the newest
// publication held (the CLI's rule).
Date default_fx_date(const refdata::FxTable& fx, Date today) {
  return std::min(today,
                  std::max({fx.latest(refdata::FxSource::kEcb), fx.latest(refdata::FxSource::kFed),
                            fx.latest(refdata::FxSource::kHmrc)}));
}

StatusOr<catalog::SearchQuery> search_query(const ServerContext& ctx, const httplib::Request& req) {
  RETURN_IF_ERROR(check_params(req, {"q", "qty", "max_price", "ship_from", "cert", "max_lead_days",
                                     "lang", "limit", "fx_date"}));
  catalog::SearchQuery q;
  q.text = req.get_param_value("q");
  if (q.text.find_first_not_of(' ') == std::string::npos) return invalid_argument("q: required");
  q.lang = req.get_param_value("lang");
  if (req.has_param("qty")) {
    ASSIGN_OR_RETURN(q.quantity, int_param(req, "qty", 1, 1'000'000'000));
  }
  if (req.has_param("max_price")) {
    auto price = catalog::parse_price_target(req.get_param_value("max_price"));
    if (!price.ok()) return invalid_argument("max_price: " + price.status().message());
    q.max_unit_price = *price;
  }
  for (const std::string& code : list_param(req, "ship_from")) {
    auto country = CountryCode::parse(code);
    if (!country.ok()) return invalid_argument("ship_from: " + country.status().message());
    q.ship_from.push_back(*country);
  }
  q.certifications = list_param(req, "cert");
  if (req.has_param("max_lead_days")) {
    ASSIGN_OR_RETURN(std::int64_t days, int_param(req, "max_lead_days", 1, 3650));
    q.max_lead_time_days = static_cast<int>(days);
  }
  if (req.has_param("limit")) {
    ASSIGN_OR_RETURN(std::int64_t limit, int_param(req, "limit", 1, 200));
    q.limit = static_cast<int>(limit);
  }
  q.fx_date = default_fx_date(ctx.workspace.engines()->reference->fx, today(ctx));
  if (req.has_param("fx_date")) {
    auto date = Date::parse(req.get_param_value("fx_date"));
    if (!date.ok()) return invalid_argument("fx_date: " + date.status().message());
    q.fx_date = *date;
  }
  return q;
}

void search(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  StatusOr<catalog::SearchQuery> query = search_query(ctx, req);
  if (!query.ok()) return send_status(res, query.status());
  const crew::Engines& engines = *ctx.workspace.engines();
  auto response = engines.catalog->search(*query, catalog::fx_lookup(engines.reference->fx));
  if (!response.ok()) return send_status(res, response.status());
  json out = catalog::to_json(*response);
  out["demo"] = engines.catalog->demo();
  send_json(res, 200, out);
}

void landed_cost(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) return send_status(res, invalid_argument("body: not valid JSON"));
  const refdata::ReferenceData& data = *ctx.workspace.engines()->reference;
  auto request = trade::landed_cost_request_from_json(body, data.currencies, today(ctx));
  if (!request.ok()) return send_status(res, request.status());
  auto quote = trade::quote_landed_cost(data, *request);
  if (!quote.ok()) return send_status(res, quote.status());
  send_json(res, 200, trade::landed_cost_quote_json(*quote));
}

// "A > B > C" or ["A", "B", "C"] → levels.
StatusOr<std::vector<std::string>> category_levels(const json& category) {
  std::vector<std::string> out;
  if (category.is_null()) return out;
  if (category.is_array()) {
    for (const json& level : category) {
      if (!level.is_string()) return invalid_argument("category: expected strings");
      out.push_back(level.get<std::string>());
    }
    return out;
  }
  if (!category.is_string()) return invalid_argument("category: expected a string or an array");
  const std::string text = category.get<std::string>();
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('>', start);
    if (end == std::string::npos) end = text.size();
    std::string level = text.substr(start, end - start);
    level.erase(0, level.find_first_not_of(' '));
    level.erase(level.find_last_not_of(' ') + 1);
    if (!level.empty()) out.push_back(std::move(level));
    start = end + 1;
  }
  return out;
}

StatusOr<std::pair<compliance::ProductText, int>> classify_request(const std::string& body) {
  ASSIGN_OR_RETURN(json j, parse_object(body, {"title", "description", "attrs", "category",
                                               "destination", "top"}));
  compliance::ProductText p;
  ASSIGN_OR_RETURN(auto title, string_member(j, "title", false));
  ASSIGN_OR_RETURN(auto description, string_member(j, "description", false));
  p.title = title.value_or("");
  p.description = description.value_or("");
  ASSIGN_OR_RETURN(p.category_path, category_levels(j.value("category", json())));
  if (j.contains("attrs") && !j["attrs"].is_null()) {
    if (!j["attrs"].is_object()) return invalid_argument("attrs: expected a JSON object");
    for (const auto& [key, value] : j["attrs"].items()) {
      p.attributes.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  if (p.title.empty() && p.description.empty() && p.category_path.empty()) {
    return invalid_argument("title: required (or description, or category)");
  }
  int top = 3;
  if (j.contains("top")) {
    if (!j["top"].is_number_integer() || j["top"].get<int>() < 1 || j["top"].get<int>() > 20) {
      return invalid_argument("top: expected a whole number from 1 to 20");
    }
    top = j["top"].get<int>();
  }
  return std::make_pair(std::move(p), top);
}

void classify(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto request = classify_request(req.body);
  if (!request.ok()) return send_status(res, request.status());
  json body = json::parse(req.body, nullptr, false);
  std::string destination = "US";
  if (body.is_object() && body.contains("destination")) {
    if (!body["destination"].is_string()) {
      return send_status(res, invalid_argument("destination: expected a string"));
    }
    auto country = CountryCode::parse(body["destination"].get<std::string>());
    if (!country.ok()) {
      return send_status(res, invalid_argument("destination: " + country.status().message()));
    }
    destination = country->code();
  }
  compliance::HsBatchItem item;
  item.product = std::move(request->first);
  compliance::Classification result =
      ctx.workspace.engines()->classifier->classify(item.product, request->second);
  if (destination != "US") {  // only the US HTS national lines are mapped
    for (compliance::HsCandidate& c : result.candidates) {
      c.hs10.clear();
      c.hs10_description.clear();
    }
  }
  json out = json::parse(compliance::classification_json_line(item, result), nullptr, false);
  send_json(res, 200, out);
}

void health(ServerContext& ctx, const httplib::Request&, httplib::Response& res) {
  send_json(res, 200,
            {{"status", ctx.stopping ? "stopping" : "ok"},
             {"version", ctx.options.version},
             {"cases_running", ctx.jobs.running()},
             {"queue", ctx.jobs.queued()},
             {"streams", ctx.hub.subscribers()},
             {"demo_catalog", ctx.workspace.engines()->catalog->demo()}});
}

}  // namespace

void add_tool_routes(httplib::Server& http, ServerContext& ctx) {
  auto guard =
      [&ctx](void (*handler)(ServerContext&, const httplib::Request&, httplib::Response&)) {
        return [&ctx, handler](const httplib::Request& req, httplib::Response& res) {
          if (authorized(ctx, req, res)) handler(ctx, req, res);
        };
      };
  http.Get("/api/health",
           [&ctx](const httplib::Request& req, httplib::Response& res) { health(ctx, req, res); });
  http.Get("/api/search", guard(search));
  http.Post("/api/landed-cost", guard(landed_cost));
  http.Post("/api/classify", guard(classify));
}

}  // namespace kontor::server::detail
