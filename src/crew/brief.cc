#include "crew/brief.h"

#include <array>
#include <utility>

#include "crew/sections.h"

namespace kontor::crew {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<SalesChannel, std::string_view>, 7> kChannelNames = {{
    {SalesChannel::kAmazon, "amazon"},
    {SalesChannel::kShopify, "shopify"},
    {SalesChannel::kTikTokShop, "tiktok_shop"},
    {SalesChannel::kEbay, "ebay"},
    {SalesChannel::kEtsy, "etsy"},
    {SalesChannel::kWholesale, "wholesale"},
    {SalesChannel::kOwnStore, "own_store"},
}};

Status field_error(std::string_view path, std::string_view reason) {
  return invalid_argument(std::string(path) + ": " + std::string(reason));
}

json question_json(const Question& q) {
  return {{"id", q.id},
          {"field", q.field},
          {"text", q.text},
          {"options", q.options},
          {"asked_by", q.asked_by}};
}

// Reads an optional string member; absent is fine, another type is an error naming the path.
Status read_string(const json& j, std::string_view key, std::string_view path, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return ok_status();
  if (!it->is_string()) return field_error(path, "expected a string");
  out = it->get<std::string>();
  return ok_status();
}

Status read_string_list(const json& j, std::string_view path, std::vector<std::string>& out) {
  if (!j.is_array()) return field_error(path, "expected an array");
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_string()) {
      return field_error(std::string(path) + "[" + std::to_string(i) + "]", "expected a string");
    }
    out.push_back(j[i].get<std::string>());
  }
  return ok_status();
}

StatusOr<Question> question_from_json(const json& j, const std::string& path) {
  if (!j.is_object()) return field_error(path, "expected an object");
  Question q;
  RETURN_IF_ERROR(read_string(j, "id", path + ".id", q.id));
  RETURN_IF_ERROR(read_string(j, "field", path + ".field", q.field));
  RETURN_IF_ERROR(read_string(j, "text", path + ".text", q.text));
  RETURN_IF_ERROR(read_string(j, "asked_by", path + ".asked_by", q.asked_by));
  if (j.contains("options"))
    RETURN_IF_ERROR(read_string_list(j["options"], path + ".options", q.options));
  if (q.field.empty()) return field_error(path + ".field", "missing");
  return q;
}

StatusOr<Quantity> quantity_from_json(const json& j) {
  if (!j.is_object() || !j.contains("value") || !j.contains("unit") || !j["value"].is_string() ||
      !j["unit"].is_string()) {
    return field_error("quantity", "expected {\"value\": \"decimal\", \"unit\": \"pcs\"}");
  }
  auto value = Decimal::parse(j["value"].get<std::string>());
  if (!value.ok()) return field_error("quantity.value", value.status().message());
  const std::string unit_text = j["unit"].get<std::string>();
  auto unit = parse_unit(unit_text);
  if (!unit.ok()) return field_error("quantity.unit", "unknown unit '" + unit_text + "'");
  return Quantity(*value, *unit);
}

StatusOr<CountryCode> country_from_json(const json& j, const std::string& path) {
  if (!j.is_string()) return field_error(path, "expected an ISO 3166 alpha-2 code");
  auto code = CountryCode::parse(j.get<std::string>());
  if (!code.ok()) return field_error(path, code.status().message());
  return *code;
}

Status read_countries(const json& j, const char* key, std::vector<CountryCode>& out) {
  if (!j.contains(key)) return ok_status();
  const json& list = j[key];
  if (!list.is_array()) return field_error(key, "expected an array");
  for (std::size_t i = 0; i < list.size(); ++i) {
    ASSIGN_OR_RETURN(CountryCode code,
                     country_from_json(list[i], std::string(key) + "[" + std::to_string(i) + "]"));
    out.push_back(code);
  }
  return ok_status();
}

Status read_money(const json& j, const char* key, std::optional<Money>& out) {
  if (!j.contains(key) || j[key].is_null()) return ok_status();
  ASSIGN_OR_RETURN(Money money, money_from_json(j[key], key));
  if (!money.currency().valid()) return field_error(std::string(key) + ".currency", "missing");
  out = money;
  return ok_status();
}

Status read_scalars(const json& j, Brief& b) {
  RETURN_IF_ERROR(read_string(j, "goal", "goal", b.goal));
  RETURN_IF_ERROR(read_string(j, "language", "language", b.language));
  RETURN_IF_ERROR(read_string(j, "product", "product", b.product));
  if (j.contains("quantity") && !j["quantity"].is_null()) {
    ASSIGN_OR_RETURN(b.quantity, quantity_from_json(j["quantity"]));
  }
  if (j.contains("destination") && !j["destination"].is_null()) {
    ASSIGN_OR_RETURN(b.destination, country_from_json(j["destination"], "destination"));
  }
  RETURN_IF_ERROR(read_money(j, "target_retail_price", b.target_retail_price));
  RETURN_IF_ERROR(read_money(j, "target_landed_cost", b.target_landed_cost));
  RETURN_IF_ERROR(read_money(j, "budget", b.budget));
  if (j.contains("deadline") && !j["deadline"].is_null()) {
    if (!j["deadline"].is_string()) return field_error("deadline", "expected a date YYYY-MM-DD");
    auto date = Date::parse(j["deadline"].get<std::string>());
    if (!date.ok()) return field_error("deadline", date.status().message());
    b.deadline = *date;
  }
  if (j.contains("max_moq") && !j["max_moq"].is_null()) {
    if (!j["max_moq"].is_string()) return field_error("max_moq", "expected a decimal string");
    auto moq = Decimal::parse(j["max_moq"].get<std::string>());
    if (!moq.ok()) return field_error("max_moq", moq.status().message());
    b.max_moq = *moq;
  }
  return ok_status();
}

Status read_lists(const json& j, Brief& b) {
  if (j.contains("channels")) {
    const json& list = j["channels"];
    if (!list.is_array()) return field_error("channels", "expected an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "channels[" + std::to_string(i) + "]";
      if (!list[i].is_string()) return field_error(path, "expected a string");
      auto channel = parse_sales_channel(list[i].get<std::string>());
      if (!channel) {
        return field_error(path, "unknown sales channel '" + list[i].get<std::string>() + "'");
      }
      b.channels.push_back(*channel);
    }
  }
  if (j.contains("required_certifications")) {
    RETURN_IF_ERROR(read_string_list(j["required_certifications"], "required_certifications",
                                     b.required_certifications));
  }
  RETURN_IF_ERROR(read_countries(j, "avoid_origins", b.avoid_origins));
  RETURN_IF_ERROR(read_countries(j, "preferred_origins", b.preferred_origins));
  if (j.contains("questions")) {
    const json& list = j["questions"];
    if (!list.is_array()) return field_error("questions", "expected an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      ASSIGN_OR_RETURN(Question q,
                       question_from_json(list[i], "questions[" + std::to_string(i) + "]"));
      b.questions.push_back(std::move(q));
    }
  }
  return ok_status();
}

}  // namespace

std::string_view sales_channel_name(SalesChannel channel) {
  for (const auto& [c, name] : kChannelNames) {
    if (c == channel) return name;
  }
  return "unknown";
}

std::optional<SalesChannel> parse_sales_channel(std::string_view name) {
  for (const auto& [c, n] : kChannelNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

json to_json(const Brief& b) {
  json j = {{"goal", b.goal}, {"language", b.language}, {"product", b.product}};
  if (b.quantity) {
    j["quantity"] = {{"value", b.quantity->value().to_plain_string()},
                     {"unit", std::string(unit_symbol(b.quantity->unit()))}};
  }
  if (b.destination) j["destination"] = std::string(b.destination->code());
  if (b.target_retail_price) j["target_retail_price"] = money_to_json(*b.target_retail_price);
  if (b.target_landed_cost) j["target_landed_cost"] = money_to_json(*b.target_landed_cost);
  if (b.budget) j["budget"] = money_to_json(*b.budget);
  if (b.deadline) j["deadline"] = b.deadline->to_string();
  json channels = json::array();
  for (SalesChannel c : b.channels) channels.push_back(std::string(sales_channel_name(c)));
  j["channels"] = std::move(channels);
  j["required_certifications"] = b.required_certifications;
  json avoid = json::array();
  for (const CountryCode& c : b.avoid_origins) avoid.push_back(std::string(c.code()));
  j["avoid_origins"] = std::move(avoid);
  json preferred = json::array();
  for (const CountryCode& c : b.preferred_origins) preferred.push_back(std::string(c.code()));
  j["preferred_origins"] = std::move(preferred);
  if (b.max_moq) j["max_moq"] = b.max_moq->to_plain_string();
  json questions = json::array();
  for (const Question& q : b.questions) questions.push_back(question_json(q));
  j["questions"] = std::move(questions);
  return j;
}

StatusOr<Brief> brief_from_json(const json& j) {
  if (!j.is_object()) return invalid_argument("brief: expected a JSON object");
  Brief b;
  RETURN_IF_ERROR(read_scalars(j, b));
  RETURN_IF_ERROR(read_lists(j, b));
  return b;
}

}  // namespace kontor::crew
