// CSV half of catalog/codec.h. Every row is decoded into the same record types as JSON and
// then validated by the JSON decoder's rules (by re-encoding to JSON), so both formats accept
// exactly the same records.
#include <algorithm>
#include <charconv>

#include "catalog/codec.h"

namespace kontor::catalog {
namespace {

using nlohmann::json;

std::vector<std::string> split(std::string_view text, std::string_view sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(sep, start);
    std::string_view part = text.substr(start, end == std::string_view::npos ? end : end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    if (end == std::string_view::npos) break;
    start = end + sep.size();
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

Status field_error(std::string_view field, std::string_view reason) {
  return invalid_argument("field '" + std::string(field) + "': " + std::string(reason));
}

StatusOr<std::int64_t> parse_int(std::string_view field, std::string_view text,
                                 std::int64_t fallback) {
  if (text.empty()) return fallback;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    return field_error(field, "not an integer: '" + std::string(text) + "'");
  }
  return value;
}

StatusOr<bool> parse_bool(std::string_view field, std::string_view text) {
  if (text == "yes" || text == "true" || text == "1") return true;
  if (text == "no" || text == "false" || text == "0" || text.empty()) return false;
  return field_error(field, "expected yes or no: '" + std::string(text) + "'");
}

const std::vector<std::string> kSupplierHeader = {
    "supplier_id",  "name",           "country",           "city",         "port",
    "languages",    "certifications", "years_in_business", "verification", "response_hours",
    "on_time_rate", "defect_rate",    "payment_terms",     "demo"};
const std::vector<std::string> kProductHeader = {
    "product_id",    "title_lang",       "title",      "other_titles", "description",
    "category_path", "category_path_zh", "attributes", "hs_code",      "demo"};
const std::vector<std::string> kOfferHeader = {
    "offer_id",    "supplier_id",    "product_id", "currency",    "tiers",
    "moq",         "lead_time_days", "incoterm",   "named_place", "samples",
    "valid_until", "certifications", "demo"};

}  // namespace

std::string_view CsvRow::get(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size() && i < fields_.size(); ++i) {
    if (header_[i] == column) return fields_[i];
  }
  return {};
}

const std::vector<std::string>& csv_header(RecordType type) {
  switch (type) {
    case RecordType::kSupplier: return kSupplierHeader;
    case RecordType::kProduct: return kProductHeader;
    case RecordType::kOffer: return kOfferHeader;
  }
  return kOfferHeader;
}

StatusOr<RecordType> csv_record_type(const std::vector<std::string>& header) {
  for (RecordType type : {RecordType::kSupplier, RecordType::kProduct, RecordType::kOffer}) {
    std::vector<std::string> want = csv_header(type);
    std::vector<std::string> got = header;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got) return type;
  }
  return invalid_argument(
      "header matches none of the supplier, product or offer layouts "
      "(first column '" +
      (header.empty() ? "" : header[0]) + "')");
}

std::vector<std::string> to_csv_row(const Supplier& s) {
  return {s.id,
          s.name,
          std::string(s.country.code()),
          s.city,
          s.port,
          join(s.languages, ";"),
          join(s.certifications, ";"),
          std::to_string(s.years_in_business),
          std::string(verification_name(s.verification)),
          std::to_string(s.response_hours),
          s.on_time_rate.to_plain_string(),
          s.defect_rate.to_plain_string(),
          join(s.payment_terms, ";"),
          s.demo ? "yes" : "no"};
}

std::vector<std::string> to_csv_row(const Product& p) {
  std::vector<std::string> others, attributes;
  for (std::size_t i = 1; i < p.titles.size(); ++i)
    others.push_back(p.titles[i].lang + ":" + p.titles[i].text);
  for (const auto& [k, v] : p.attributes) attributes.push_back(k + "=" + v);
  std::string lang = p.titles.empty() ? "" : p.titles[0].lang;
  return {p.id,
          lang,
          p.title(),
          join(others, "|"),
          p.descriptions.empty() ? "" : p.descriptions[0].text,
          join(p.category_path, " > "),
          join(p.category_path_zh, " > "),
          join(attributes, ";"),
          p.hs_code,
          p.demo ? "yes" : "no"};
}

std::vector<std::string> to_csv_row(const Offer& o) {
  std::vector<std::string> tiers;
  for (const PriceTier& t : o.tiers) {
    tiers.push_back(std::to_string(t.min_quantity) + ":" + t.unit_price.to_string());
  }
  return {o.id,
          o.supplier_id,
          o.product_id,
          std::string(o.currency.code()),
          join(tiers, ";"),
          std::to_string(o.moq),
          std::to_string(o.lead_time_days),
          std::string(incoterm_name(o.incoterm)),
          o.named_place,
          o.samples ? "yes" : "no",
          o.valid_until.to_string(),
          join(o.certifications, ";"),
          o.demo ? "yes" : "no"};
}

StatusOr<Supplier> supplier_from_csv(const CsvRow& row) {
  json j = {{"type", "supplier"},
            {"id", row.get("supplier_id")},
            {"name", row.get("name")},
            {"country", row.get("country")},
            {"city", row.get("city")},
            {"port", row.get("port")},
            {"languages", split(row.get("languages"), ";")},
            {"certifications", split(row.get("certifications"), ";")},
            {"verification", row.get("verification")},
            {"payment_terms", split(row.get("payment_terms"), ";")}};
  ASSIGN_OR_RETURN(j["years_in_business"],
                   parse_int("years_in_business", row.get("years_in_business"), 0));
  ASSIGN_OR_RETURN(j["response_hours"], parse_int("response_hours", row.get("response_hours"), 24));
  ASSIGN_OR_RETURN(j["demo"], parse_bool("demo", row.get("demo")));
  if (!row.get("on_time_rate").empty()) j["on_time_rate"] = row.get("on_time_rate");
  if (!row.get("defect_rate").empty()) j["defect_rate"] = row.get("defect_rate");
  return supplier_from_json(j);
}

StatusOr<Product> product_from_csv(const CsvRow& row) {
  json titles = json::array({{{"lang", row.get("title_lang")}, {"text", row.get("title")}}});
  for (const std::string& other : split(row.get("other_titles"), "|")) {
    std::size_t colon = other.find(':');
    if (colon == std::string::npos) {
      return field_error("other_titles", "expected lang:text, got '" + other + "'");
    }
    titles.push_back({{"lang", other.substr(0, colon)}, {"text", other.substr(colon + 1)}});
  }
  json attributes = json::object();
  for (const std::string& pair : split(row.get("attributes"), ";")) {
    std::size_t eq = pair.find('=');
    if (eq == std::string::npos)
      return field_error("attributes", "expected key=value, got '" + pair + "'");
    attributes[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  json descriptions = json::array();
  if (!row.get("description").empty()) {
    descriptions.push_back({{"lang", row.get("title_lang")}, {"text", row.get("description")}});
  }
  json j = {{"type", "product"},
            {"id", row.get("product_id")},
            {"titles", titles},
            {"descriptions", descriptions},
            {"attributes", attributes},
            {"category_path", split(row.get("category_path"), " > ")},
            {"category_path_zh", split(row.get("category_path_zh"), " > ")},
            {"hs_code", row.get("hs_code")}};
  ASSIGN_OR_RETURN(j["demo"], parse_bool("demo", row.get("demo")));
  return product_from_json(j);
}

StatusOr<Offer> offer_from_csv(const CsvRow& row) {
  json tiers = json::array();
  for (const std::string& tier : split(row.get("tiers"), ";")) {
    std::size_t colon = tier.find(':');
    if (colon == std::string::npos) {
      return field_error("tiers", "expected min_quantity:unit_price, got '" + tier + "'");
    }
    ASSIGN_OR_RETURN(std::int64_t min_quantity, parse_int("tiers", tier.substr(0, colon), 0));
    tiers.push_back({{"min_quantity", min_quantity}, {"unit_price", tier.substr(colon + 1)}});
  }
  json j = {{"type", "offer"},
            {"id", row.get("offer_id")},
            {"supplier_id", row.get("supplier_id")},
            {"product_id", row.get("product_id")},
            {"currency", row.get("currency")},
            {"tiers", tiers},
            {"incoterm", row.get("incoterm")},
            {"named_place", row.get("named_place")},
            {"valid_until", row.get("valid_until")},
            {"certifications", split(row.get("certifications"), ";")}};
  ASSIGN_OR_RETURN(j["moq"], parse_int("moq", row.get("moq"), 1));
  ASSIGN_OR_RETURN(j["lead_time_days"], parse_int("lead_time_days", row.get("lead_time_days"), 0));
  ASSIGN_OR_RETURN(j["samples"], parse_bool("samples", row.get("samples")));
  ASSIGN_OR_RETURN(j["demo"], parse_bool("demo", row.get("demo")));
  return offer_from_json(j);
}

}  // namespace kontor::catalog
