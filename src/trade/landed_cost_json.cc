#include "trade/landed_cost_json.h"

#include <cctype>
#include <string>

namespace kontor::trade {
namespace {

using nlohmann::json;

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

Status field_error(std::string_view field, const Status& status) {
  return invalid_argument(std::string(field) + ": " + status.message());
}

// A decimal from a JSON string (or integer); floats are refused because they are not exact.
StatusOr<Decimal> decimal_from_json(const json& j, std::string_view field) {
  if (j.is_string()) {
    auto d = Decimal::parse(trim(j.get<std::string>()));
    if (!d.ok()) return field_error(field, d.status());
    return d;
  }
  if (j.is_number_integer()) return Decimal(j.get<std::int64_t>());
  if (j.is_number_float()) {
    return invalid_argument(std::string(field) +
                            ": give decimals as strings (\"12.50\"), not JSON numbers, so that "
                            "no binary rounding touches them");
  }
  return invalid_argument(std::string(field) + ": expected a decimal string");
}

StatusOr<Money> money_from_json(const json& j, const refdata::CurrencyTable& currencies,
                                std::string_view field) {
  if (j.is_string()) return parse_money(j.get<std::string>(), currencies, field);
  if (!j.is_object() || !j.contains("amount") || !j.contains("currency")) {
    return invalid_argument(std::string(field) +
                            ": expected {\"amount\": \"decimal\", \"currency\": \"ISO\"} or "
                            "\"12000 USD\"");
  }
  ASSIGN_OR_RETURN(Decimal amount, decimal_from_json(j["amount"], std::string(field) + ".amount"));
  if (!j["currency"].is_string()) {
    return invalid_argument(std::string(field) + ".currency: expected an ISO 4217 code");
  }
  auto cur = currencies.find(j["currency"].get<std::string>());
  if (!cur.ok()) return field_error(std::string(field) + ".currency", cur.status());
  return Money(amount, *cur);
}

StatusOr<Quantity> quantity_from_json(const json& j, std::string_view field) {
  if (j.is_string()) return parse_quantity(j.get<std::string>(), field);
  if (!j.is_object() || !j.contains("value") || !j.contains("unit") || !j["unit"].is_string()) {
    return invalid_argument(std::string(field) +
                            ": expected {\"value\": \"2000\", \"unit\": \"pcs\"} or \"2000 pcs\"");
  }
  ASSIGN_OR_RETURN(Decimal value, decimal_from_json(j["value"], std::string(field) + ".value"));
  auto unit = parse_unit(j["unit"].get<std::string>());
  if (!unit.ok()) return field_error(std::string(field) + ".unit", unit.status());
  return Quantity(value, *unit);
}

StatusOr<std::string> string_field(const json& j, std::string_view field) {
  if (!j.is_string()) return invalid_argument(std::string(field) + ": expected a string");
  return j.get<std::string>();
}

}  // namespace

StatusOr<Money> parse_money(std::string_view text, const refdata::CurrencyTable& currencies,
                            std::string_view field) {
  std::string t = trim(text);
  std::string code, number;
  for (char c : t) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      code.push_back(static_cast<char>(std::toupper(c)));
    else if (!std::isspace(static_cast<unsigned char>(c)))
      number.push_back(c);
  }
  if (code.empty()) {
    return invalid_argument(std::string(field) + ": give the currency too, e.g. '" + t + " USD'");
  }
  auto cur = currencies.find(code);
  if (!cur.ok()) return field_error(field, cur.status());
  auto amount = Decimal::parse(number);
  if (!amount.ok()) return field_error(field, amount.status());
  return Money(*amount, *cur);
}

StatusOr<Quantity> parse_quantity(std::string_view text, std::string_view field) {
  std::string t = trim(text);
  std::size_t i = 0;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.')) ++i;
  auto value = Decimal::parse(t.substr(0, i));
  if (!value.ok()) return field_error(field, value.status());
  std::string unit_text = trim(std::string_view(t).substr(i));
  if (unit_text.empty()) unit_text = "pcs";
  auto unit = parse_unit(unit_text);
  if (!unit.ok()) return field_error(field, unit.status());
  return Quantity(*value, *unit);
}

namespace {

constexpr std::string_view kKnownFields[] = {
    "hs_code",        "origin",          "destination",
    "goods_value",    "incoterm",        "origin_charges",
    "freight",        "insurance",       "destination_delivery",
    "insurance_rate", "vat_incidentals", "broker_fee",
    "quantity",       "measures",        "mode",
    "us_entry",       "vat_rate",        "as_of",
    "buyer_currency"};

Status reject_unknown_fields(const json& j) {
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (std::string_view k : kKnownFields) known = known || key == k;
    if (!known) return invalid_argument(key + ": unknown field");
  }
  return ok_status();
}

Status read_codes(const json& j, LandedCostRequest& r) {
  for (std::string_view f : {"hs_code", "origin", "destination", "goods_value", "quantity"}) {
    if (!j.contains(f)) return invalid_argument(std::string(f) + ": required");
  }
  ASSIGN_OR_RETURN(r.hs_code, string_field(j["hs_code"], "hs_code"));
  for (auto [name, target] : {std::pair<const char*, CountryCode*>{"origin", &r.origin},
                              {"destination", &r.destination}}) {
    ASSIGN_OR_RETURN(std::string text, string_field(j[name], name));
    auto code = CountryCode::parse(text);
    if (!code.ok()) return field_error(name, code.status());
    *target = *code;
  }
  return ok_status();
}

Status read_options(const json& j, LandedCostRequest& r) {
  if (j.contains("incoterm")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["incoterm"], "incoterm"));
    auto term = parse_incoterm(text);
    if (!term.ok()) return field_error("incoterm", term.status());
    r.incoterm = *term;
  }
  if (j.contains("mode")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["mode"], "mode"));
    auto mode = parse_transport_mode(text);
    if (!mode.ok()) return mode.status();
    r.mode = *mode;
  }
  if (j.contains("us_entry")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["us_entry"], "us_entry"));
    if (text == "auto")
      r.us_entry = UsEntryType::kAuto;
    else if (text == "formal")
      r.us_entry = UsEntryType::kFormal;
    else if (text == "informal")
      r.us_entry = UsEntryType::kInformal;
    else
      return invalid_argument("us_entry: expected auto, formal or informal");
  }
  if (j.contains("vat_rate")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["vat_rate"], "vat_rate"));
    auto kind = refdata::parse_vat_rate_kind(text);
    if (!kind.ok()) return field_error("vat_rate", kind.status());
    r.vat_kind = *kind;
  }
  if (j.contains("insurance_rate")) {
    ASSIGN_OR_RETURN(r.insurance_rate, decimal_from_json(j["insurance_rate"], "insurance_rate"));
    if (r.insurance_rate->is_negative() || *r.insurance_rate > Decimal(1)) {
      return invalid_argument("insurance_rate: expected a fraction between 0 and 1 (0.003)");
    }
  }
  return ok_status();
}

}  // namespace

StatusOr<LandedCostRequest> landed_cost_request_from_json(const json& j,
                                                          const refdata::CurrencyTable& currencies,
                                                          Date default_as_of) {
  if (!j.is_object()) return invalid_argument("request: expected a JSON object");
  RETURN_IF_ERROR(reject_unknown_fields(j));
  LandedCostRequest r;
  RETURN_IF_ERROR(read_codes(j, r));
  RETURN_IF_ERROR(read_options(j, r));
  ASSIGN_OR_RETURN(r.goods_value, money_from_json(j["goods_value"], currencies, "goods_value"));
  for (int i = 0; i < kCostElementCount; ++i) {
    const std::string name(cost_element_name(static_cast<CostElement>(i)));
    if (j.contains(name)) {
      ASSIGN_OR_RETURN(r.costs[i], money_from_json(j[name], currencies, name));
    }
  }
  if (j.contains("vat_incidentals")) {
    ASSIGN_OR_RETURN(r.vat_incidentals,
                     money_from_json(j["vat_incidentals"], currencies, "vat_incidentals"));
  }
  if (j.contains("broker_fee")) {
    ASSIGN_OR_RETURN(r.broker_fee, money_from_json(j["broker_fee"], currencies, "broker_fee"));
  }
  ASSIGN_OR_RETURN(r.units, quantity_from_json(j["quantity"], "quantity"));
  if (r.units.value() <= Decimal(0)) return invalid_argument("quantity: must be greater than 0");
  if (j.contains("measures")) {
    if (!j["measures"].is_array() || j["measures"].size() > r.measures.size()) {
      return invalid_argument("measures: expected an array of at most 4 quantities");
    }
    for (std::size_t i = 0; i < j["measures"].size(); ++i) {
      ASSIGN_OR_RETURN(r.measures[i],
                       quantity_from_json(j["measures"][i], "measures[" + std::to_string(i) + "]"));
    }
  }
  r.as_of = default_as_of;
  if (j.contains("as_of")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["as_of"], "as_of"));
    auto date = Date::parse(text);
    if (!date.ok()) return field_error("as_of", date.status());
    r.as_of = *date;
  }
  if (j.contains("buyer_currency")) {
    ASSIGN_OR_RETURN(std::string text, string_field(j["buyer_currency"], "buyer_currency"));
    auto cur = currencies.find(text);
    if (!cur.ok()) return field_error("buyer_currency", cur.status());
    r.buyer_currency = *cur;
  }
  return r;
}

json money_json(const Money& money) {
  return {{"amount", money.amount_text()}, {"currency", std::string(money.currency().code())}};
}

json provenance_json(const Provenance& p) {
  json out = json::object();
  if (p.source != nullptr) {
    out["source"] = p.source->id;
    out["file"] = p.source->file;
    out["edition"] = p.source->edition;
    if (p.line > 0) out["line"] = p.line;
  }
  if (!p.key.empty()) out["key"] = std::string(p.key);
  if (!p.text.empty()) out["text"] = std::string(p.text);
  if (!p.rule.empty()) out["rule"] = std::string(p.rule);
  return out;
}

json fx_json(const FxRate& rate) {
  json out = {{"from", std::string(rate.from.code())},
              {"to", std::string(rate.to.code())},
              {"rate", rate.rate.to_plain_string()},
              {"date", rate.date.to_string()},
              {"provenance", provenance_json(rate.provenance)}};
  if (!rate.detail.empty()) out["detail"] = rate.detail;
  return out;
}

namespace {

json line_json(const CostLine& line, const std::vector<FxRate>& fx) {
  json out = {{"kind", std::string(line_kind_name(line.kind))},
              {"label", std::string(line.label)},
              {"amount", money_json(line.amount)},
              {"estimate", line.estimate},
              {"provenance", provenance_json(line.provenance)}};
  if (line.base) out["base"] = money_json(*line.base);
  if (!line.rate_text.empty()) out["rate_text"] = std::string(line.rate_text);
  if (line.fx_index >= 0 && line.fx_index < static_cast<int>(fx.size())) {
    out["fx"] = fx_json(fx[line.fx_index]);
  }
  return out;
}

json treatment_json(const TariffTreatment& t) {
  json out = {{"origin", std::string(t.origin.code())},
              {"destination", std::string(t.destination.code())},
              {"as_of", t.as_of.to_string()},
              {"currency", std::string(t.currency.code())},
              {"tariff", t.schedule->source().title},
              {"tariff_line", t.line->display_code},
              {"description", t.line->description},
              {"duty_rate_text", t.line->general_rate},
              {"valuation_basis", std::string(refdata::valuation_basis_name(t.valuation->basis))},
              {"valuation_source", t.valuation->source}};
  if (!t.customs_union.empty()) out["customs_union"] = t.customs_union;
  if (t.internal_market) out["internal_market"] = true;
  if (t.import_tax) {
    out["import_tax_rate"] = t.import_tax->rate.to_plain_string();
    out["import_tax_name"] = std::string(t.import_tax->tax_name);
    out["import_tax_kind"] = std::string(refdata::vat_rate_kind_name(t.import_tax->kind));
  }
  return out;
}

}  // namespace

json landed_cost_quote_json(const LandedCostQuote& q) {
  const LandedCost& c = q.cost;
  json valuation = {
      {"basis", std::string(refdata::valuation_basis_name(q.treatment.valuation->basis))},
      {"rule", std::string(c.valuation.rule)},
      {"adjustments", json::array()}};
  for (const auto& adj : c.valuation.adjustments) {
    if (!adj) continue;
    valuation["adjustments"].push_back({{"element", std::string(cost_element_name(adj->element))},
                                        {"amount", money_json(adj->amount)}});
  }
  json out = {{"treatment", treatment_json(q.treatment)},
              {"customs_value", money_json(c.valuation.customs_value)},
              {"valuation", valuation},
              {"duty", money_json(c.duty)},
              {"import_tax_base", money_json(c.import_tax_base)},
              {"import_tax", money_json(c.import_tax)},
              {"fees", money_json(c.fees)},
              {"total", money_json(c.total)},
              {"total_net_of_import_tax", money_json(c.total_net_of_import_tax)},
              {"per_unit", money_json(c.per_unit)},
              {"per_unit_net_of_import_tax", money_json(c.per_unit_net_of_import_tax)},
              {"units",
               {{"value", c.units.value().to_plain_string()},
                {"unit", std::string(unit_symbol(c.units.unit()))}}},
              {"duty_de_minimis", c.duty_de_minimis},
              {"import_tax_de_minimis", c.tax_de_minimis},
              {"import_tax_at_sale", c.tax_at_sale},
              {"lines", json::array()},
              {"fx", json::array()},
              {"warnings", q.treatment.warnings},
              {"notes", json::array()}};
  for (const CostLine& line : c) out["lines"].push_back(line_json(line, q.fx));
  for (const FxRate& rate : q.fx) out["fx"].push_back(fx_json(rate));
  for (int i = 0; i < c.note_count; ++i) out["notes"].push_back(std::string(c.note_storage[i]));
  if (q.buyer_fx) {
    out["buyer"] = {{"total", money_json(q.total_buyer)},
                    {"per_unit", money_json(q.per_unit_buyer)},
                    {"fx", fx_json(*q.buyer_fx)}};
  }
  return out;
}

}  // namespace kontor::trade
