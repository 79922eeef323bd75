#include "catalog/codec.h"

#include <algorithm>
#include <charconv>

namespace kontor::catalog {
namespace {

using nlohmann::json;

Status field_error(std::string_view field, std::string_view reason) {
  return invalid_argument("field '" + std::string(field) + "': " + std::string(reason));
}

// --- shared validation (both formats end here) ---------------------------------------------

Status validate_id(std::string_view field, const std::string& id) {
  if (id.empty()) return field_error(field, "must not be empty");
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x21 || c == ',' || c == ';' || c == '|') {
      return field_error(field, "must be printable without spaces, ',', ';' or '|': '" + id + "'");
    }
  }
  return ok_status();
}

Status validate_rate(std::string_view field, const Decimal& rate) {
  if (rate < Decimal(0) || rate > Decimal(1)) return field_error(field, "must be within 0..1");
  return ok_status();
}

Status validate(const Supplier& s) {
  RETURN_IF_ERROR(validate_id("id", s.id));
  if (s.name.empty()) return field_error("name", "must not be empty");
  if (!s.country.valid()) return field_error("country", "missing ISO 3166 alpha-2 code");
  if (s.years_in_business < 0) return field_error("years_in_business", "must not be negative");
  if (s.response_hours < 0) return field_error("response_hours", "must not be negative");
  RETURN_IF_ERROR(validate_rate("on_time_rate", s.on_time_rate));
  return validate_rate("defect_rate", s.defect_rate);
}

Status validate(const Product& p) {
  RETURN_IF_ERROR(validate_id("id", p.id));
  if (p.titles.empty() || p.titles.front().text.empty()) {
    return field_error("title", "a product needs a title");
  }
  for (const LocalizedText& t : p.titles) {
    if (t.lang.size() < 2 || t.lang.size() > 3) {
      return field_error("titles", "language must be an ISO 639 code: '" + t.lang + "'");
    }
  }
  if (p.category_path.empty()) return field_error("category_path", "must not be empty");
  if (!std::all_of(p.hs_code.begin(), p.hs_code.end(),
                   [](char c) { return c >= '0' && c <= '9'; }) ||
      (!p.hs_code.empty() && (p.hs_code.size() < 4 || p.hs_code.size() > 10))) {
    return field_error("hs_code", "must be 4 to 10 digits: '" + p.hs_code + "'");
  }
  return ok_status();
}

Status validate(const Offer& o) {
  RETURN_IF_ERROR(validate_id("id", o.id));
  RETURN_IF_ERROR(validate_id("supplier_id", o.supplier_id));
  RETURN_IF_ERROR(validate_id("product_id", o.product_id));
  if (o.moq < 1) return field_error("moq", "must be at least 1");
  if (o.lead_time_days < 0) return field_error("lead_time_days", "must not be negative");
  if (o.tiers.empty()) return field_error("tiers", "an offer needs at least one price tier");
  if (o.tiers.front().min_quantity > o.moq) {
    return field_error("tiers", "the first tier must start at or below the MOQ");
  }
  for (std::size_t i = 0; i < o.tiers.size(); ++i) {
    if (o.tiers[i].unit_price <= Decimal(0)) {
      return field_error("tiers", "unit price must be positive in tier " + std::to_string(i + 1));
    }
    if (i > 0 && o.tiers[i].min_quantity <= o.tiers[i - 1].min_quantity) {
      return field_error("tiers", "min quantities must ascend strictly");
    }
  }
  return ok_status();
}

// --- JSON ------------------------------------------------------------------------------------

// Reads fields of one JSON object, remembering the first error.
class JsonFields {
 public:
  explicit JsonFields(const json& j) : j_(j) {}
  const Status& status() const { return status_; }

  std::string text(const char* name, bool required = true) {
    const json* v = find(name, required);
    if (v == nullptr) return {};
    if (!v->is_string()) return fail(name, "expected a string"), std::string();
    return v->get<std::string>();
  }
  std::int64_t integer(const char* name, std::int64_t fallback) {
    const json* v = find(name, false);
    if (v == nullptr) return fallback;
    if (!v->is_number_integer()) return fail(name, "expected an integer"), fallback;
    return v->get<std::int64_t>();
  }
  bool boolean(const char* name) {
    const json* v = find(name, false);
    if (v == nullptr) return false;
    if (!v->is_boolean()) return fail(name, "expected true or false"), false;
    return v->get<bool>();
  }
  Decimal decimal(const char* name, bool required) {
    std::string t = text(name, required);
    if (t.empty()) return Decimal(0);
    auto d = Decimal::parse(t);
    if (!d.ok()) return fail(name, "not a decimal: '" + t + "'"), Decimal(0);
    return *d;
  }
  std::vector<std::string> strings(const char* name) {
    std::vector<std::string> out;
    const json* v = find(name, false);
    if (v == nullptr) return out;
    if (!v->is_array()) return fail(name, "expected an array of strings"), out;
    for (const json& e : *v) {
      if (!e.is_string()) return fail(name, "expected an array of strings"), out;
      out.push_back(e.get<std::string>());
    }
    return out;
  }
  const json* find(const char* name, bool required) {
    auto it = j_.find(name);
    if (it == j_.end() || it->is_null()) {
      if (required) fail(name, "missing");
      return nullptr;
    }
    return &*it;
  }
  void fail(std::string_view name, std::string_view reason) {
    if (status_.ok()) status_ = field_error(name, reason);
  }

 private:
  const json& j_;
  Status status_;
};

std::vector<LocalizedText> texts_from_json(JsonFields& f, const char* name) {
  std::vector<LocalizedText> out;
  const json* v = f.find(name, false);
  if (v == nullptr) return out;
  if (!v->is_array()) return f.fail(name, "expected [{\"lang\":…,\"text\":…}]"), out;
  for (const json& e : *v) {
    if (!e.is_object() || !e.contains("lang") || !e.contains("text") || !e["lang"].is_string() ||
        !e["text"].is_string()) {
      return f.fail(name, "expected [{\"lang\":…,\"text\":…}]"), out;
    }
    out.push_back({e["lang"].get<std::string>(), e["text"].get<std::string>()});
  }
  return out;
}

json texts_to_json(const std::vector<LocalizedText>& texts) {
  json out = json::array();
  for (const LocalizedText& t : texts) out.push_back({{"lang", t.lang}, {"text", t.text}});
  return out;
}

Status check_type(const json& j, std::string_view expected) {
  if (!j.is_object()) return invalid_argument("expected a JSON object");
  auto it = j.find("type");
  if (it == j.end() || !it->is_string() || it->get<std::string>() != expected) {
    return field_error("type", "expected \"" + std::string(expected) + "\"");
  }
  return ok_status();
}

}  // namespace

std::string_view record_type_name(RecordType type) {
  switch (type) {
    case RecordType::kSupplier: return "supplier";
    case RecordType::kProduct: return "product";
    case RecordType::kOffer: return "offer";
  }
  return "?";
}

json to_json(const Supplier& s) {
  return {{"type", "supplier"},
          {"id", s.id},
          {"name", s.name},
          {"country", std::string(s.country.code())},
          {"city", s.city},
          {"port", s.port},
          {"languages", s.languages},
          {"certifications", s.certifications},
          {"years_in_business", s.years_in_business},
          {"verification", std::string(verification_name(s.verification))},
          {"response_hours", s.response_hours},
          {"on_time_rate", s.on_time_rate.to_plain_string()},
          {"defect_rate", s.defect_rate.to_plain_string()},
          {"payment_terms", s.payment_terms},
          {"demo", s.demo}};
}

json to_json(const Product& p) {
  return {{"type", "product"},
          {"id", p.id},
          {"titles", texts_to_json(p.titles)},
          {"descriptions", texts_to_json(p.descriptions)},
          {"attributes", p.attributes},
          {"category_path", p.category_path},
          {"category_path_zh", p.category_path_zh},
          {"hs_code", p.hs_code},
          {"demo", p.demo}};
}

json to_json(const Offer& o) {
  json tiers = json::array();
  for (const PriceTier& t : o.tiers) {
    tiers.push_back({{"min_quantity", t.min_quantity}, {"unit_price", t.unit_price.to_string()}});
  }
  return {{"type", "offer"},
          {"id", o.id},
          {"supplier_id", o.supplier_id},
          {"product_id", o.product_id},
          {"currency", std::string(o.currency.code())},
          {"tiers", tiers},
          {"moq", o.moq},
          {"lead_time_days", o.lead_time_days},
          {"incoterm", std::string(incoterm_name(o.incoterm))},
          {"named_place", o.named_place},
          {"samples", o.samples},
          {"valid_until", o.valid_until.to_string()},
          {"certifications", o.certifications},
          {"demo", o.demo}};
}

StatusOr<Supplier> supplier_from_json(const json& j) {
  RETURN_IF_ERROR(check_type(j, "supplier"));
  JsonFields f(j);
  Supplier s;
  s.id = f.text("id");
  s.name = f.text("name");
  std::string country = f.text("country");
  if (f.status().ok()) {
    auto code = CountryCode::parse(country);
    if (!code.ok())
      f.fail("country", "not an ISO 3166 alpha-2 code: '" + country + "'");
    else
      s.country = *code;
  }
  s.city = f.text("city", false);
  s.port = f.text("port", false);
  s.languages = f.strings("languages");
  s.certifications = f.strings("certifications");
  s.years_in_business = static_cast<int>(f.integer("years_in_business", 0));
  auto verification = parse_verification(f.text("verification", false));
  if (!verification.ok())
    f.fail("verification", verification.status().message());
  else
    s.verification = *verification;
  s.response_hours = static_cast<int>(f.integer("response_hours", 24));
  s.on_time_rate = f.decimal("on_time_rate", false);
  s.defect_rate = f.decimal("defect_rate", false);
  s.payment_terms = f.strings("payment_terms");
  s.demo = f.boolean("demo");
  RETURN_IF_ERROR(f.status());
  RETURN_IF_ERROR(validate(s));
  return s;
}

StatusOr<Product> product_from_json(const json& j) {
  RETURN_IF_ERROR(check_type(j, "product"));
  JsonFields f(j);
  Product p;
  p.id = f.text("id");
  p.titles = texts_from_json(f, "titles");
  p.descriptions = texts_from_json(f, "descriptions");
  if (const json* a = f.find("attributes", false)) {
    if (!a->is_object())
      f.fail("attributes", "expected an object of strings");
    else {
      for (auto it = a->begin(); it != a->end(); ++it) {
        if (!it->is_string())
          f.fail("attributes", "value of '" + it.key() + "' is not a string");
        else
          p.attributes[it.key()] = it->get<std::string>();
      }
    }
  }
  p.category_path = f.strings("category_path");
  p.category_path_zh = f.strings("category_path_zh");
  p.hs_code = f.text("hs_code", false);
  p.demo = f.boolean("demo");
  RETURN_IF_ERROR(f.status());
  RETURN_IF_ERROR(validate(p));
  return p;
}

StatusOr<Offer> offer_from_json(const json& j) {
  RETURN_IF_ERROR(check_type(j, "offer"));
  JsonFields f(j);
  Offer o;
  o.id = f.text("id");
  o.supplier_id = f.text("supplier_id");
  o.product_id = f.text("product_id");
  std::string currency = f.text("currency");
  if (f.status().ok()) {
    auto c = currency_from_code(currency);
    if (!c.ok())
      f.fail("currency", "not an ISO 4217 code: '" + currency + "'");
    else
      o.currency = *c;
  }
  if (const json* tiers = f.find("tiers", true)) {
    if (!tiers->is_array())
      f.fail("tiers", "expected an array");
    else {
      for (const json& t : *tiers) {
        if (!t.is_object()) {
          f.fail("tiers", "expected {\"min_quantity\":…,\"unit_price\":…}");
          break;
        }
        JsonFields tf(t);
        PriceTier tier{tf.integer("min_quantity", 0), tf.decimal("unit_price", true)};
        if (!tf.status().ok()) f.fail("tiers", tf.status().message());
        o.tiers.push_back(tier);
      }
    }
  }
  o.moq = f.integer("moq", 1);
  o.lead_time_days = static_cast<int>(f.integer("lead_time_days", 0));
  std::string incoterm = f.text("incoterm");
  if (f.status().ok()) {
    auto term = parse_incoterm(incoterm);
    if (!term.ok())
      f.fail("incoterm", "not an Incoterms 2020 rule: '" + incoterm + "'");
    else
      o.incoterm = *term;
  }
  o.named_place = f.text("named_place", false);
  o.samples = f.boolean("samples");
  std::string valid = f.text("valid_until");
  if (f.status().ok()) {
    auto date = Date::parse(valid);
    if (!date.ok())
      f.fail("valid_until", "not a YYYY-MM-DD date: '" + valid + "'");
    else
      o.valid_until = *date;
  }
  o.certifications = f.strings("certifications");
  o.demo = f.boolean("demo");
  RETURN_IF_ERROR(f.status());
  RETURN_IF_ERROR(validate(o));
  return o;
}

}  // namespace kontor::catalog
