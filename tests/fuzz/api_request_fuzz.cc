// libFuzzer target for the HTTP API's request bodies (src/server/): the strict object parsing
// every POST goes through (server/api_json.h parse_object, string_member) with the members of
// each endpoint — create case {"goal", "as_of", "fields"}, answer {"question_id", "text"},
// deny {"reason"}, approve {}, classify {"title", "description", "attrs", "category",
// "destination", "top"} — the create body's as_of and fields checks, the landed-cost body
// (trade/landed_cost_json.h), and the error body each refusal becomes (api_error, error_json,
// dumped as server.cc's send_json does). Any bytes give a value or a 4xx error naming a field —
// never a crash, an uncaught JSON exception, a 5xx for bad input or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/date.h"
#include "refdata/data_paths.h"
#include "server/api_json.h"
#include "server/case_json.h"
#include "trade/landed_cost_json.h"

namespace {

using nlohmann::json;

const kontor::refdata::CurrencyTable& currencies() {
  static const kontor::refdata::CurrencyTable table = [] {
    auto paths = kontor::refdata::DataPaths::from_environment();
    auto loaded =
        kontor::refdata::CurrencyTable::load(paths.shared_dir + "/iso4217_currency_codes.csv");
    if (!loaded.ok()) std::abort();  // the data must be there; a run without it is moot
    return *loaded;
  }();
  return table;
}

// A refusal of bad input must be a 4xx with a message, and its body must serialise.
void check_refusal(const kontor::Status& status) {
  if (status.ok()) return;
  if (status.message().empty()) std::abort();
  const kontor::server::ApiError error = kontor::server::api_error(status);
  if (error.http_status != 400) std::abort();
  const std::string body =
      kontor::server::error_json(error).dump(-1, ' ', false, json::error_handler_t::replace);
  if (body.empty()) std::abort();
}

template <typename T>
void check(const kontor::StatusOr<T>& result) {
  if (!result.ok()) check_refusal(result.status());
}

// The create-case body as routes_cases.cc parse_create() checks it before intake.
void create_case(std::string_view body) {
  auto j = kontor::server::parse_object(body, {"goal", "as_of", "fields"});
  check(j);
  if (!j.ok()) return;
  check(kontor::server::string_member(*j, "goal", true));
  auto as_of = kontor::server::string_member(*j, "as_of", false);
  check(as_of);
  if (as_of.ok() && *as_of) {
    auto date = kontor::Date::parse(**as_of);
    if (!date.ok())
      check_refusal(kontor::invalid_argument(date.status().with_context("as_of").message()));
  }
  if (j->contains("fields") && (*j)["fields"].is_object()) {
    for (const auto& [name, value] : (*j)["fields"].items()) {
      if (!value.is_string())
        check_refusal(kontor::invalid_argument("fields." + name + ": expected a string"));
    }
  }
}

void member_bodies(std::string_view body) {
  auto answer = kontor::server::parse_object(body, {"question_id", "text"});
  check(answer);
  if (answer.ok()) {
    check(kontor::server::string_member(*answer, "question_id", true));
    check(kontor::server::string_member(*answer, "text", true));
  }
  auto deny = kontor::server::parse_object(body, {"reason"});
  check(deny);
  if (deny.ok()) check(kontor::server::string_member(*deny, "reason", true));
  check(kontor::server::parse_object(body, {}));
  auto classify = kontor::server::parse_object(
      body, {"title", "description", "attrs", "category", "destination", "top"});
  check(classify);
  if (classify.ok()) {
    check(kontor::server::string_member(*classify, "title", false));
    check(kontor::server::string_member(*classify, "description", false));
  }
}

void landed_cost(std::string_view body) {
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return;
  const kontor::Date today = *kontor::Date::from_ymd(2026, 11, 23);
  check(kontor::trade::landed_cost_request_from_json(j, currencies(), today));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  create_case(body);
  member_bodies(body);
  landed_cost(body);
  (void)kontor::server::valid_case_id(body);  // the {id} of /api/cases/{id}
  return 0;
}
