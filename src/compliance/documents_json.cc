// Shipment input from JSON. Reads what is there and names what cannot be read; whether the
// shipment is complete and consistent is TradeDocuments::validate's job.
#include <nlohmann/json.hpp>

#include "compliance/documents.h"

namespace kontor::compliance {
namespace {

using Json = nlohmann::json;

class Reader {
 public:
  explicit Reader(const refdata::CurrencyTable& currencies) : currencies_(currencies) {}

  std::string text(const Json& obj, const std::string& key, const std::string& path) {
    if (!obj.contains(key) || obj[key].is_null()) return "";
    if (!obj[key].is_string()) {
      fail(path + key, "expected a string");
      return "";
    }
    return obj[key].get<std::string>();
  }

  // Decimal from a string or an integer; floats are refused so no binary rounding sneaks in.
  std::optional<Decimal> decimal(const Json& obj, const std::string& key, const std::string& path) {
    if (!obj.contains(key) || obj[key].is_null()) return std::nullopt;
    const Json& v = obj[key];
    if (v.is_number_integer()) return Decimal(v.get<std::int64_t>());
    if (!v.is_string()) {
      fail(path + key, "expected a decimal string such as \"12.35\"");
      return std::nullopt;
    }
    auto d = Decimal::parse(v.get<std::string>());
    if (!d.ok()) {
      fail(path + key, "not a decimal number: '" + v.get<std::string>() + "'");
      return std::nullopt;
    }
    return *d;
  }

  std::optional<Money> money(const Json& obj, const std::string& key, const std::string& path,
                             const Currency& currency) {
    auto amount = decimal(obj, key, path);
    if (!amount || !currency.valid()) return std::nullopt;
    return Money(*amount, currency);
  }

  CountryCode country(const Json& obj, const std::string& key, const std::string& path) {
    std::string code = text(obj, key, path);
    if (code.empty()) return CountryCode();
    auto c = CountryCode::parse(code);
    if (!c.ok()) {
      fail(path + key, c.status().message());
      return CountryCode();
    }
    return *c;
  }

  Currency currency(const Json& obj) {
    std::string code = text(obj, "currency", "");
    if (code.empty()) return Currency();
    auto c = currencies_.find(code);
    if (!c.ok()) {
      fail("currency", c.status().message());
      return Currency();
    }
    return *c;
  }

  std::optional<Party> party(const Json& obj, const std::string& key) {
    if (!obj.contains(key) || obj[key].is_null()) return std::nullopt;
    const Json& p = obj[key];
    if (!p.is_object()) {
      fail(key, "expected an object");
      return std::nullopt;
    }
    Party party;
    std::string path = key + ".";
    party.name = text(p, "name", path);
    if (p.contains("address")) {
      if (!p["address"].is_array()) {
        fail(path + "address", "expected an array of lines");
      } else {
        for (const Json& line : p["address"]) {
          if (line.is_string()) party.address.push_back(line.get<std::string>());
        }
      }
    }
    party.country = country(p, "country", path);
    party.tax_id = text(p, "tax_id", path);
    party.contact = text(p, "contact", path);
    return party;
  }

  ShipmentLine line(const Json& l, const std::string& path, const Currency& currency) {
    ShipmentLine line;
    line.description = text(l, "description", path);
    line.sku = text(l, "sku", path);
    line.hs_code = text(l, "hs_code", path);
    line.origin = country(l, "origin", path);
    auto quantity = decimal(l, "quantity", path);
    std::string unit_text = text(l, "unit", path);
    auto unit = parse_unit(unit_text.empty() ? "pcs" : unit_text);
    if (!unit.ok()) fail(path + "unit", unit.status().message());
    if (quantity) line.quantity = Quantity(*quantity, unit.ok() ? *unit : Unit::kPiece);
    if (auto price = money(l, "unit_price", path, currency)) line.unit_price = *price;
    if (auto net = decimal(l, "net_weight_kg", path)) line.net_weight_kg = *net;
    if (auto gross = decimal(l, "gross_weight_kg", path)) line.gross_weight_kg = *gross;
    if (l.contains("packages")) {
      if (l["packages"].is_number_integer()) {
        line.packages = l["packages"].get<int>();
      } else {
        fail(path + "packages", "expected a whole number");
      }
    }
    line.package_type = text(l, "package_type", path);
    line.marks = text(l, "marks", path);
    return line;
  }

  void fail(const std::string& field, std::string_view reason) {
    // Parsers of core types already name their field ("currency: unknown …"); say it once.
    if (reason.starts_with(field + ": ")) reason.remove_prefix(field.size() + 2);
    errors_ += (errors_.empty() ? "" : "; ") + field + ": " + std::string(reason);
  }
  const std::string& errors() const { return errors_; }

 private:
  const refdata::CurrencyTable& currencies_;
  std::string errors_;
};

void read_header(Reader& r, const Json& doc, Shipment& s) {
  s.invoice_number = r.text(doc, "invoice_number", "");
  std::string date = r.text(doc, "invoice_date", "");
  if (!date.empty()) {
    auto d = Date::parse(date);
    if (d.ok()) {
      s.invoice_date = *d;
    } else {
      r.fail("invoice_date", d.status().message());
    }
  }
  std::string incoterm = r.text(doc, "incoterm", "");
  if (!incoterm.empty()) {
    auto term = parse_incoterm(incoterm);
    if (term.ok()) {
      s.incoterm = *term;
    } else {
      r.fail("incoterm", term.status().message());
    }
  }
  s.incoterm_place = r.text(doc, "incoterm_place", "");
  s.transport_mode = r.text(doc, "transport_mode", "");
  s.port_of_loading = r.text(doc, "port_of_loading", "");
  s.port_of_discharge = r.text(doc, "port_of_discharge", "");
  s.payment_terms = r.text(doc, "payment_terms", "");
}

}  // namespace

StatusOr<Shipment> shipment_from_json(std::string_view json,
                                      const refdata::CurrencyTable& currencies) {
  Json doc;
  try {
    doc = Json::parse(json);
  } catch (const Json::parse_error& e) {
    return invalid_argument(std::string("shipment JSON: ") + e.what());
  }
  if (!doc.is_object()) return invalid_argument("shipment JSON: expected an object");
  Reader r(currencies);
  Shipment s;
  read_header(r, doc, s);
  if (auto seller = r.party(doc, "seller")) s.seller = *seller;
  if (auto buyer = r.party(doc, "buyer")) s.buyer = *buyer;
  s.consignee = r.party(doc, "consignee");
  s.currency = r.currency(doc);
  s.freight = r.money(doc, "freight", "", s.currency);
  s.insurance = r.money(doc, "insurance", "", s.currency);
  s.declared_total = r.money(doc, "declared_total", "", s.currency);
  if (doc.contains("lines")) {
    if (!doc["lines"].is_array()) {
      r.fail("lines", "expected an array");
    } else {
      for (std::size_t i = 0; i < doc["lines"].size(); ++i) {
        std::string path = "lines[" + std::to_string(i + 1) + "].";
        if (!doc["lines"][i].is_object()) {
          r.fail(path.substr(0, path.size() - 1), "expected an object");
          continue;
        }
        s.lines.push_back(r.line(doc["lines"][i], path, s.currency));
      }
    }
  }
  if (!r.errors().empty()) return invalid_argument("shipment JSON: " + r.errors());
  return s;
}

}  // namespace kontor::compliance
