// Brief: what the owner asked for, in structured form. Intake (intake.h) turns goal text into a
// Brief; CLI flags and answers to questions then fill or correct single fields. Every field that
// intake could not read, or read ambiguously, is absent and has a Question naming it: the crew
// never fills a missing field with a silent default.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/quantity.h"
#include "core/status.h"

namespace kontor::crew {

enum class SalesChannel { kAmazon, kShopify, kTikTokShop, kEbay, kEtsy, kWholesale, kOwnStore };
std::string_view sales_channel_name(SalesChannel channel);  // "amazon", "tiktok_shop", …
std::optional<SalesChannel> parse_sales_channel(std::string_view name);

// A question for the human. `field` is the Brief field it settles ("quantity", "destination",
// "deadline", …) or another id agents define ("hs_code", "main_material"); `options` are the
// candidate answers when the asker has them.
struct Question {
  std::string id;  // stable within a case: "brief.destination", "hs.main_material"
  std::string field;
  std::string text;  // "Which country will you sell in?"
  std::vector<std::string> options;
  std::string asked_by;  // "intake", "compliance", …
};

struct Brief {
  std::string goal;                  // the text as typed
  std::string language;              // ISO 639-1 of the goal text ("en", "de", …)
  std::string product;               // "insulated stainless steel bottles", in the goal's words
  std::optional<Quantity> quantity;  // 2000 pcs
  std::optional<CountryCode> destination;    // the market the goods are imported into and sold in
  std::optional<Money> target_retail_price;  // per unit, as the consumer pays (VAT included)
  std::optional<Money> target_landed_cost;   // per unit, delivered and cleared
  std::optional<Money> budget;               // the whole order
  std::optional<Date> deadline;              // goods in stock by this date
  std::vector<SalesChannel> channels;
  std::vector<std::string> required_certifications;  // "CE", "LFGB", "FCC" as the owner names them
  std::vector<CountryCode> avoid_origins;
  std::vector<CountryCode> preferred_origins;  // "from Vietnam", "made in Portugal"
  std::optional<Decimal> max_moq;              // in the unit of `quantity`
  std::vector<Question> questions;             // what is missing or ambiguous, in asking order
};

// JSON form used by the case store, the API and `--json`: money as {"amount": "24.99",
// "currency": "EUR"}, quantity as {"value": "2000", "unit": "pcs"}, dates as "YYYY-MM-DD",
// absent fields omitted. brief_from_json names the first bad field ("quantity.unit: unknown unit
// 'boxes'").
nlohmann::json to_json(const Brief& brief);
StatusOr<Brief> brief_from_json(const nlohmann::json& json);

}  // namespace kontor::crew
