#include "compliance/documents.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kontor::compliance {
namespace {

using Errors = std::vector<FieldError>;

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

void check_party(const Party& p, const std::string& field, Errors& errors) {
  if (blank(p.name)) errors.push_back({field + ".name", "required"});
  bool any_address = std::any_of(p.address.begin(), p.address.end(),
                                 [](const std::string& l) { return !blank(l); });
  if (!any_address) errors.push_back({field + ".address", "at least one address line required"});
  if (!p.country.valid()) errors.push_back({field + ".country", "required"});
}

// Customs declarations take 6 digits at least (the HS subheading) and national codes up to 10.
void check_hs(const std::string& hs, const std::string& field, Errors& errors) {
  std::size_t digits = 0;
  for (char c : hs) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '.' && c != ' ') {
      errors.push_back({field, "not an HS code: '" + hs + "'"});
      return;
    }
  }
  if (digits < 6 || digits > 10) {
    errors.push_back({field, "expected 6 to 10 digits, got '" + hs + "'"});
  }
}

void check_money(const std::optional<Money>& m, const Currency& currency, const std::string& field,
                 Errors& errors) {
  if (!m) return;
  if (!(m->currency() == currency)) {
    errors.push_back({field, "currency " + std::string(m->currency().code()) +
                                 " differs from the invoice currency " +
                                 std::string(currency.code())});
  } else if (m->is_negative()) {
    errors.push_back({field, "must not be negative"});
  }
}

void check_line(const ShipmentLine& line, const std::string& f, const Currency& currency,
                Errors& errors) {
  if (blank(line.description)) errors.push_back({f + ".description", "required"});
  check_hs(line.hs_code, f + ".hs_code", errors);
  if (!line.origin.valid()) errors.push_back({f + ".origin", "required"});
  if (line.quantity.value().sign() <= 0) {
    errors.push_back({f + ".quantity", "must be positive, got " + line.quantity.to_string()});
  }
  if (!line.unit_price.currency().valid()) {
    errors.push_back({f + ".unit_price", "required"});
  } else if (currency.valid() && !(line.unit_price.currency() == currency)) {
    errors.push_back({f + ".unit_price",
                      "currency " + std::string(line.unit_price.currency().code()) +
                          " differs from the invoice currency " + std::string(currency.code())});
  } else if (line.unit_price.amount().sign() <= 0) {
    // Customs needs a value even for free samples: state the value for customs purposes.
    errors.push_back({f + ".unit_price", "must be positive, got " + line.unit_price.to_string()});
  }
  if (line.net_weight_kg.sign() <= 0) errors.push_back({f + ".net_weight_kg", "must be positive"});
  if (line.gross_weight_kg < line.net_weight_kg) {
    errors.push_back({f + ".gross_weight_kg", "gross weight " +
                                                  line.gross_weight_kg.to_plain_string() +
                                                  " kg is below the net weight " +
                                                  line.net_weight_kg.to_plain_string() + " kg"});
  }
  if (line.packages < 0) errors.push_back({f + ".packages", "must not be negative"});
  if (line.packages > 0 && blank(line.package_type)) {
    errors.push_back({f + ".package_type", "required when packages are given"});
  }
}

void check_terms(const Shipment& s, Errors& errors) {
  if (!s.incoterm) {
    errors.push_back({"incoterm", "required"});
  } else {
    IncotermCosts costs = incoterm_costs(*s.incoterm);
    std::string name(incoterm_name(*s.incoterm));
    if (s.freight && !s.freight->is_zero() && !costs.main_carriage) {
      errors.push_back({"freight", "under " + name +
                                       " the buyer pays the main carriage; an invoice freight "
                                       "charge contradicts the Incoterm"});
    }
    if (incoterm_sea_only(*s.incoterm) && !s.transport_mode.empty() && s.transport_mode != "sea") {
      errors.push_back({"transport_mode", name +
                                              " is for sea and inland waterway transport "
                                              "only, got '" +
                                              s.transport_mode + "'"});
    }
  }
  if (blank(s.incoterm_place)) errors.push_back({"incoterm_place", "required (the named place)"});
  static const std::vector<std::string> kModes = {"", "sea", "air", "road", "rail", "multimodal"};
  if (std::find(kModes.begin(), kModes.end(), s.transport_mode) == kModes.end()) {
    errors.push_back({"transport_mode", "expected sea, air, road, rail or multimodal, got '" +
                                            s.transport_mode + "'"});
  }
}

ShipmentTotals compute_totals(const Shipment& s) {
  ShipmentTotals t;
  t.goods = Money::zero(s.currency);
  t.charges = Money::zero(s.currency);
  for (const ShipmentLine& line : s.lines) {
    // Rounded per line, half-up to the minor unit: the usual commercial-invoice convention,
    // and what customs compares the line values against.
    Money value = (line.unit_price * line.quantity.value()).rounded(RoundingMode::kHalfUp);
    t.lines.push_back({value});
    t.goods += value;
    t.packages += line.packages;
    t.net_weight_kg += line.net_weight_kg;
    t.gross_weight_kg += line.gross_weight_kg;
    auto same_unit = std::find_if(t.quantities.begin(), t.quantities.end(), [&](const Quantity& q) {
      return q.unit() == line.quantity.unit();
    });
    if (same_unit == t.quantities.end()) {
      t.quantities.push_back(line.quantity);
    } else {
      *same_unit = Quantity(same_unit->value() + line.quantity.value(), same_unit->unit());
    }
  }
  if (s.freight) t.charges += *s.freight;
  if (s.insurance) t.charges += *s.insurance;
  t.invoice = t.goods + t.charges;
  return t;
}

}  // namespace

std::string_view document_title(DocumentKind kind) {
  return kind == DocumentKind::kCommercialInvoice ? "Commercial Invoice" : "Packing List";
}

std::string format_decimal(const Decimal& value) { return value.to_plain_string(); }

std::string format_party_block(const Party& party) {
  std::string text = party.name;
  for (const std::string& line : party.address) {
    if (!blank(line)) text += "\n" + line;
  }
  if (party.country.valid()) text += "\n" + std::string(party.country.code());
  if (!party.tax_id.empty()) text += "\nTax ID: " + party.tax_id;
  if (!party.contact.empty()) text += "\nContact: " + party.contact;
  return text;
}

std::vector<FieldError> TradeDocuments::validate(const Shipment& s) {
  Errors errors;
  if (blank(s.invoice_number)) errors.push_back({"invoice_number", "required"});
  if (!s.invoice_date) errors.push_back({"invoice_date", "required"});
  check_party(s.seller, "seller", errors);
  check_party(s.buyer, "buyer", errors);
  if (s.consignee) check_party(*s.consignee, "consignee", errors);
  check_terms(s, errors);
  if (!s.currency.valid()) errors.push_back({"currency", "required"});
  if (s.lines.empty()) errors.push_back({"lines", "at least one line required"});
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    check_line(s.lines[i], "lines[" + std::to_string(i + 1) + "]", s.currency, errors);
  }
  if (s.currency.valid()) {
    check_money(s.freight, s.currency, "freight", errors);
    check_money(s.insurance, s.currency, "insurance", errors);
    check_money(s.declared_total, s.currency, "declared_total", errors);
  }
  int packages = 0;
  for (const ShipmentLine& line : s.lines) packages += std::max(line.packages, 0);
  if (!s.lines.empty() && packages == 0) {
    errors.push_back({"packages", "the shipment must have at least one package"});
  }
  // Totals are only computed once every amount is known to share the invoice currency.
  if (errors.empty() && s.declared_total) {
    Money computed = compute_totals(s).invoice;
    if (!(*s.declared_total == computed)) {
      errors.push_back({"declared_total", s.declared_total->to_string() +
                                              " does not match the computed total " +
                                              computed.to_string()});
    }
  }
  return errors;
}

StatusOr<TradeDocuments> TradeDocuments::make(Shipment shipment) {
  Errors errors = validate(shipment);
  if (!errors.empty()) {
    std::string message = "shipment documents: ";
    for (std::size_t i = 0; i < errors.size(); ++i) {
      if (i > 0) message += "; ";
      message += errors[i].field + ": " + errors[i].reason;
    }
    return invalid_argument(message);
  }
  TradeDocuments docs;
  docs.totals_ = compute_totals(shipment);
  docs.shipment_ = std::move(shipment);
  return docs;
}

namespace {

nlohmann::ordered_json party_json(const Party& p) {
  return {{"name", p.name},
          {"address", p.address},
          {"country", std::string(p.country.code())},
          {"tax_id", p.tax_id},
          {"contact", p.contact}};
}

nlohmann::ordered_json money_json(const Money& m) {
  return {{"amount", m.amount_text()}, {"currency", std::string(m.currency().code())}};
}

nlohmann::ordered_json header_json(const Shipment& s) {
  nlohmann::ordered_json j;
  j["invoice_number"] = s.invoice_number;
  j["invoice_date"] = s.invoice_date->to_string();
  j["seller"] = party_json(s.seller);
  j["buyer"] = party_json(s.buyer);
  if (s.consignee) j["consignee"] = party_json(*s.consignee);
  j["incoterm"] = {{"rule", std::string(incoterm_name(*s.incoterm))},
                   {"place", s.incoterm_place},
                   {"edition", "Incoterms 2020"}};
  j["currency"] = std::string(s.currency.code());
  j["transport_mode"] = s.transport_mode;
  j["port_of_loading"] = s.port_of_loading;
  j["port_of_discharge"] = s.port_of_discharge;
  return j;
}

}  // namespace

std::string TradeDocuments::to_json() const {
  const Shipment& s = shipment_;
  nlohmann::ordered_json invoice = header_json(s);
  invoice["payment_terms"] = s.payment_terms;
  nlohmann::ordered_json packing = header_json(s);
  invoice["lines"] = nlohmann::ordered_json::array();
  packing["lines"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < s.lines.size(); ++i) {
    const ShipmentLine& l = s.lines[i];
    nlohmann::ordered_json common = {{"line", i + 1},
                                     {"sku", l.sku},
                                     {"description", l.description},
                                     {"hs_code", l.hs_code},
                                     {"origin", std::string(l.origin.code())},
                                     {"quantity", format_decimal(l.quantity.value())},
                                     {"unit", std::string(unit_symbol(l.quantity.unit()))}};
    nlohmann::ordered_json inv = common;
    inv["unit_price"] = money_json(l.unit_price);
    inv["value"] = money_json(totals_.lines[i].value);
    invoice["lines"].push_back(std::move(inv));
    nlohmann::ordered_json pack = common;
    pack["packages"] = l.packages;
    pack["package_type"] = l.package_type;
    pack["net_weight_kg"] = format_decimal(l.net_weight_kg);
    pack["gross_weight_kg"] = format_decimal(l.gross_weight_kg);
    pack["marks"] = l.marks;
    packing["lines"].push_back(std::move(pack));
  }
  invoice["goods_total"] = money_json(totals_.goods);
  if (s.freight) invoice["freight"] = money_json(*s.freight);
  if (s.insurance) invoice["insurance"] = money_json(*s.insurance);
  invoice["invoice_total"] = money_json(totals_.invoice);
  nlohmann::ordered_json quantities = nlohmann::ordered_json::array();
  for (const Quantity& q : totals_.quantities) quantities.push_back(q.to_string());
  packing["totals"] = {{"packages", totals_.packages},
                       {"net_weight_kg", format_decimal(totals_.net_weight_kg)},
                       {"gross_weight_kg", format_decimal(totals_.gross_weight_kg)},
                       {"quantities", quantities}};
  nlohmann::ordered_json out;
  out["commercial_invoice"] = std::move(invoice);
  out["packing_list"] = std::move(packing);
  return out.dump(2);
}

}  // namespace kontor::compliance
