// libFuzzer target for money, quantities and the landed-cost request body (the JSON that
// `kontor landed-cost --request -` and the HTTP API accept): any bytes give a value or an
// invalid_argument naming the field — never a crash, an uncaught JSON exception or a sanitizer
// report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "refdata/data_paths.h"
#include "trade/landed_cost_json.h"

namespace {

const kontor::refdata::CurrencyTable& currencies() {
  static const kontor::refdata::CurrencyTable table = [] {
    auto paths = kontor::refdata::DataPaths::from_environment();
    auto loaded =
        kontor::refdata::CurrencyTable::load(paths.shared_dir + "/iso4217_currency_codes.csv");
    if (!loaded.ok()) std::abort();  // the data must be there; a fuzz run without it is moot
    return *loaded;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto money = kontor::trade::parse_money(text, currencies(), "price");
  if (!money.ok() && money.status().message().empty()) std::abort();
  auto quantity = kontor::trade::parse_quantity(text, "quantity");
  if (!quantity.ok() && quantity.status().message().empty()) std::abort();
  nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded()) return 0;
  const kontor::Date today = *kontor::Date::from_ymd(2026, 11, 23);
  auto request = kontor::trade::landed_cost_request_from_json(body, currencies(), today);
  if (!request.ok() && request.status().message().empty()) std::abort();
  return 0;
}
