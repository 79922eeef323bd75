#include "crew/sections.h"

#include <concepts>
#include <string>
#include <type_traits>

#include "catalog/types.h"

namespace kontor::crew {
namespace {

using nlohmann::json;

// One field list per struct, shared by the writer and the reader so that the two cannot drift.

template <class V>
void fields(V& v, ProvenanceRecord& x) {
  v("source", x.source), v("file", x.file), v("edition", x.edition), v("line", x.line);
  v("key", x.key), v("text", x.text), v("rule", x.rule), v("summary", x.summary);
}
template <class V>
void fields(V& v, FxUse& x) {
  v("from", x.from), v("to", x.to), v("rate", x.rate), v("date", x.date);
  v("provenance", x.provenance), v("detail", x.detail);
}
template <class V>
void fields(V& v, PriceBand& x) {
  v("market", x.market), v("listings", x.listings), v("low", x.low), v("p25", x.p25);
  v("median", x.median), v("p75", x.p75), v("high", x.high), v("incoterms", x.incoterms);
}
template <class V>
void fields(V& v, ResearchSection& x) {
  v("query", x.query), v("query_lang", x.query_lang), v("quantity", x.quantity);
  v("currency", x.currency), v("comparable_listings", x.comparable_listings);
  v("matches_estimated", x.matches_estimated), v("price_bands", x.price_bands);
  v("categories", x.categories), v("demand_notes", x.demand_notes), v("fx_date", x.fx_date);
  v("demo", x.demo);
}
template <class V>
void fields(V& v, ShortlistEntry& x) {
  v("rank", x.rank), v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name);
  v("supplier_country", x.supplier_country), v("port", x.port), v("product_id", x.product_id);
  v("product_title", x.product_title), v("title_lang", x.title_lang);
  v("category_path", x.category_path), v("declared_hs_code", x.declared_hs_code);
  v("offer_id", x.offer_id), v("quantity", x.quantity), v("tier_price", x.tier_price);
  v("unit_price", x.unit_price), v("fx", x.fx), v("order_value", x.order_value);
  v("moq", x.moq), v("lead_time_days", x.lead_time_days), v("incoterm", x.incoterm);
  v("named_place", x.named_place), v("samples", x.samples), v("valid_until", x.valid_until);
  v("certifications", x.certifications), v("payment_terms", x.payment_terms);
  v("on_time_rate", x.on_time_rate), v("defect_rate", x.defect_rate), v("score", x.score);
  v("text_score", x.text_score), v("quality_score", x.quality_score);
  v("match_explanation", x.match_explanation), v("matched_terms", x.matched_terms);
  v("reasons_kept", x.reasons_kept);
}
template <class V>
void fields(V& v, RejectedOffer& x) {
  v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name);
  v("offer_id", x.offer_id), v("product_title", x.product_title), v("reasons", x.reasons);
}
template <class V>
void fields(V& v, SourcingSection& x) {
  v("query", x.query), v("query_lang", x.query_lang), v("quantity", x.quantity);
  v("unit", x.unit), v("currency", x.currency), v("max_moq", x.max_moq);
  v("avoid_origins", x.avoid_origins), v("required_certifications", x.required_certifications);
  v("query_terms", x.query_terms), v("matches_estimated", x.matches_estimated);
  v("shortlist", x.shortlist), v("rejected", x.rejected), v("fx_date", x.fx_date);
  v("demo", x.demo);
}
template <class V>
void fields(V& v, HsCandidateEntry& x) {
  v("hs6", x.hs6), v("hs10", x.hs10), v("confidence", x.confidence);
  v("description", x.description), v("rationale", x.rationale);
}
template <class V>
void fields(V& v, SupplierRequirementStatus& x) {
  v("supplier_id", x.supplier_id), v("status", x.status), v("held_as", x.held_as);
}
template <class V>
void fields(V& v, RequirementEntry& x) {
  v("rule_id", x.rule_id), v("requirement", x.requirement), v("kind", x.kind), v("why", x.why);
  v("status", x.status), v("suppliers", x.suppliers), v("action", x.action);
  v("evidence", x.evidence), v("source", x.source), v("source_title", x.source_title);
  v("source_url", x.source_url), v("line", x.line);
}
template <class V>
void fields(V& v, DutyTaxLine& x) {
  v("supplier_id", x.supplier_id), v("origin", x.origin), v("kind", x.kind);
  v("label", x.label), v("tariff_code", x.tariff_code), v("rate_text", x.rate_text);
  v("base", x.base), v("amount", x.amount), v("provenance", x.provenance), v("fx", x.fx);
}
template <class V>
void fields(V& v, CertificationGap& x) {
  v("supplier_id", x.supplier_id), v("rule_id", x.rule_id), v("requirement", x.requirement);
  v("task_id", x.task_id);
}
template <class V>
void fields(V& v, ComplianceSection& x) {
  v("destination", x.destination), v("classified_text", x.classified_text);
  v("candidates", x.candidates), v("threshold", x.threshold), v("chosen_hs6", x.chosen_hs6);
  v("chosen_reason", x.chosen_reason), v("open_question_id", x.open_question_id);
  v("open_question", x.open_question), v("flags", x.flags), v("requirements", x.requirements);
  v("market_covered", x.market_covered), v("duty_tax_lines", x.duty_tax_lines);
  v("gaps", x.gaps), v("warnings", x.warnings), v("as_of", x.as_of);
}
template <class V>
void fields(V& v, RouteChargeEntry& x) {
  v("charge", x.charge), v("label", x.label), v("amount", x.amount), v("quoted", x.quoted);
  v("minimum_applied", x.minimum_applied), v("provenance", x.provenance);
}
template <class V>
void fields(V& v, RouteOption& x) {
  v("supplier_id", x.supplier_id), v("offer_id", x.offer_id), v("mode", x.mode);
  v("mode_label", x.mode_label), v("origin_port", x.origin_port);
  v("destination_port", x.destination_port), v("cost", x.cost);
  v("cost_per_unit", x.cost_per_unit), v("lines", x.lines);
  v("transit_days_min", x.transit_days_min), v("transit_days", x.transit_days);
  v("lead_time_days", x.lead_time_days), v("ready_date", x.ready_date);
  v("arrival", x.arrival), v("on_time", x.on_time), v("slack_days", x.slack_days);
  v("pareto", x.pareto), v("shipment", x.shipment), v("rate_card", x.rate_card);
  v("notes", x.notes);
}
template <class V>
void fields(V& v, LogisticsSection& x) {
  v("destination", x.destination), v("deadline", x.deadline), v("as_of", x.as_of);
  v("currency", x.currency), v("options", x.options), v("rate_card", x.rate_card);
  v("notes", x.notes);
}
template <class V>
void fields(V& v, LandedCostLineEntry& x) {
  v("kind", x.kind), v("label", x.label), v("amount", x.amount), v("base", x.base);
  v("rate_text", x.rate_text), v("provenance", x.provenance), v("estimate", x.estimate);
  v("fx_index", x.fx_index);
}
template <class V>
void fields(V& v, ChannelFeeEntry& x) {
  v("channel", x.channel), v("label", x.label), v("amount", x.amount);
  v("provenance", x.provenance);
}
template <class V>
void fields(V& v, LandedCostOption& x) {
  v("supplier_id", x.supplier_id), v("offer_id", x.offer_id), v("mode", x.mode);
  v("hs_code", x.hs_code), v("total", x.total), v("per_unit", x.per_unit);
  v("per_unit_net_of_import_tax", x.per_unit_net_of_import_tax);
  v("total_buyer", x.total_buyer), v("per_unit_buyer", x.per_unit_buyer);
  v("per_unit_net_buyer", x.per_unit_net_buyer), v("lines", x.lines);
  v("fx", x.fx), v("retail_price", x.retail_price), v("retail_net_of_vat", x.retail_net_of_vat);
  v("channel_fees", x.channel_fees), v("margin_per_unit", x.margin_per_unit);
  v("margin_rate", x.margin_rate), v("order_margin", x.order_margin), v("on_time", x.on_time);
  v("arrival", x.arrival), v("warnings", x.warnings);
}
template <class V>
void fields(V& v, CashFlowEntry& x) {
  v("date", x.date), v("label", x.label), v("amount", x.amount), v("balance", x.balance);
  v("basis", x.basis);
}
template <class V>
void fields(V& v, RequiredCertification& x) {
  v("name", x.name), v("accepted", x.accepted), v("rule_id", x.rule_id);
  v("requirement", x.requirement), v("source", x.source), v("line", x.line);
}
template <class V>
void fields(V& v, ScorePartEntry& x) {
  v("name", x.name), v("points", x.points), v("max_points", x.max_points);
  v("explanation", x.explanation);
}
template <class V>
void fields(V& v, RankedOption& x) {
  v("rank", x.rank), v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name);
  v("offer_id", x.offer_id), v("mode", x.mode), v("score", x.score), v("parts", x.parts);
  v("per_unit_buyer", x.per_unit_buyer), v("per_unit_net_buyer", x.per_unit_net_buyer);
  v("days_to_stock", x.days_to_stock), v("slack_days", x.slack_days);
  v("meets_deadline", x.meets_deadline);
  v("missing_certifications", x.missing_certifications), v("flags", x.flags);
  v("standing", x.standing), v("versus_first", x.versus_first);
}
template <class V>
void fields(V& v, Alternative& x) {
  v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name), v("mode", x.mode);
  v("per_unit_buyer", x.per_unit_buyer), v("margin_per_unit", x.margin_per_unit);
  v("why_not", x.why_not), v("score", x.score);
}
template <class V>
void fields(V& v, Recommendation& x) {
  v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name);
  v("offer_id", x.offer_id), v("mode", x.mode), v("per_unit_buyer", x.per_unit_buyer);
  v("margin_per_unit", x.margin_per_unit), v("margin_rate", x.margin_rate);
  v("score", x.score), v("reasons", x.reasons), v("alternatives", x.alternatives);
}
template <class V>
void fields(V& v, FinanceSection& x) {
  v("currency", x.currency), v("quantity", x.quantity), v("options", x.options);
  v("required_certifications", x.required_certifications), v("ranking", x.ranking);
  v("recommendation", x.recommendation), v("cash_flow", x.cash_flow);
  v("peak_cash_need", x.peak_cash_need), v("notes", x.notes), v("as_of", x.as_of);
}
template <class V>
void fields(V& v, ListingSection& x) {
  v("language", x.language), v("market", x.market), v("channel", x.channel);
  v("title", x.title), v("bullets", x.bullets), v("description", x.description);
  v("keywords", x.keywords), v("glossary_concepts", x.glossary_concepts), v("notes", x.notes);
}
template <class V>
void fields(V& v, RfqProposal& x) {
  v("rfq_id", x.rfq_id), v("supplier_id", x.supplier_id), v("supplier_name", x.supplier_name);
  v("offer_id", x.offer_id), v("quantity", x.quantity), v("current_price", x.current_price);
  v("target_price", x.target_price), v("basis", x.basis), v("message", x.message);
}
template <class V>
void fields(V& v, ProposedActionEntry& x) {
  v("kind", x.kind), v("counterparty", x.counterparty), v("amount", x.amount);
  v("reference", x.reference), v("reason", x.reason);
}
template <class V>
void fields(V& v, NegotiationSection& x) {
  v("margin_goal", x.margin_goal), v("rfqs", x.rfqs), v("actions", x.actions);
  v("notes", x.notes);
}

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

// ----- writing

class Writer;
template <class T>
json encode(const T& value);

class Writer {
 public:
  template <class T>
  Writer& operator()(const char* key, const T& value) {
    if constexpr (IsOptional<T>::value) {
      if (value.has_value()) out[key] = encode(*value);
    } else {
      out[key] = encode(value);
    }
    return *this;
  }
  json out = json::object();
};

template <class T>
json encode(const T& value) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> ||
                std::is_arithmetic_v<T>) {
    return value;
  } else if constexpr (std::is_same_v<T, Decimal>) {
    return value.to_string();
  } else if constexpr (std::is_same_v<T, Money>) {
    return money_to_json(value);
  } else if constexpr (std::is_same_v<T, Date>) {
    return value.to_string();
  } else if constexpr (IsVector<T>::value) {
    json out = json::array();
    for (const auto& item : value) out.push_back(encode(item));
    return out;
  } else {
    Writer writer;
    fields(writer, const_cast<T&>(value));  // NOLINT: fields() only reads through a Writer
    return std::move(writer.out);
  }
}

// ----- reading

Status field_error(const std::string& path, std::string_view reason) {
  return invalid_argument(path + ": " + std::string(reason));
}

template <class T>
Status decode(const json& j, const std::string& path, T& out);

class Reader {
 public:
  Reader(const json& j, std::string prefix) : j_(j), prefix_(std::move(prefix)) {}
  template <class T>
  Reader& operator()(const char* key, T& out) {
    if (!status_.ok()) return *this;
    std::string path = prefix_ + key;
    auto it = j_.find(key);
    if (it == j_.end() || (IsOptional<T>::value && it->is_null())) {
      if constexpr (!IsOptional<T>::value && !IsVector<T>::value) {
        status_ = field_error(path, "missing");
      }
      return *this;
    }
    status_ = decode(*it, path, out);
    return *this;
  }
  const Status& status() const { return status_; }

 private:
  const json& j_;
  std::string prefix_;
  Status status_;
};

template <class T>
Status decode(const json& j, const std::string& path, T& out) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return field_error(path, "expected a string");
    out = j.get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) return field_error(path, "expected true or false");
    out = j.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    if (!j.is_number_integer()) return field_error(path, "expected an integer");
    out = j.get<T>();
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.is_number()) return field_error(path, "expected a number");
    out = j.get<T>();
  } else if constexpr (std::is_same_v<T, Decimal>) {
    if (!j.is_string()) return field_error(path, "expected a decimal string");
    auto d = Decimal::parse(j.get<std::string>());
    if (!d.ok()) return field_error(path, d.status().message());
    out = *d;
  } else if constexpr (std::is_same_v<T, Money>) {
    ASSIGN_OR_RETURN(out, money_from_json(j, path));
  } else if constexpr (std::is_same_v<T, Date>) {
    if (!j.is_string()) return field_error(path, "expected a date YYYY-MM-DD");
    auto d = Date::parse(j.get<std::string>());
    if (!d.ok()) return field_error(path, d.status().message());
    out = *d;
  } else if constexpr (IsOptional<T>::value) {
    typename T::value_type value{};
    RETURN_IF_ERROR(decode(j, path, value));
    out = std::move(value);
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) return field_error(path, "expected an array");
    out.clear();
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      typename T::value_type item{};
      RETURN_IF_ERROR(decode(j[i], path + "[" + std::to_string(i) + "]", item));
      out.push_back(std::move(item));
    }
  } else {
    if (!j.is_object()) return field_error(path, "expected an object");
    Reader reader(j, path + ".");
    fields(reader, out);
    return reader.status();
  }
  return ok_status();
}

json section_to_json(json body) {
  body["schema"] = kSectionSchema;
  return body;
}

template <class T>
StatusOr<T> section_from_json(const json& j, std::string_view name) {
  if (!j.is_object()) return invalid_argument(std::string(name) + ": expected an object");
  if (auto it = j.find("schema"); it != j.end()) {
    if (!it->is_number_integer() || it->get<int>() > kSectionSchema) {
      return invalid_argument(std::string(name) + ".schema: unsupported schema " + it->dump() +
                              " (this build reads up to " + std::to_string(kSectionSchema) + ")");
    }
  }
  T value{};
  Reader reader(j, std::string(name) + ".");
  fields(reader, value);
  if (!reader.status().ok()) return reader.status();
  return value;
}

}  // namespace

bool supplier_evidence_kind(std::string_view kind) {
  return kind == "conformity" || kind == "certificate" || kind == "test_report" ||
         kind == "substances" || kind == "cybersecurity";
}

ProvenanceRecord ProvenanceRecord::from(const Provenance& provenance) {
  ProvenanceRecord record;
  if (provenance.source != nullptr) {
    record.source = provenance.source->id;
    record.file = provenance.source->file;
    record.edition = provenance.source->edition;
  }
  record.line = provenance.line;
  record.key = std::string(provenance.key);
  record.text = std::string(provenance.text);
  record.rule = std::string(provenance.rule);
  record.summary = provenance.to_string();
  return record;
}

FxUse FxUse::from_rate(const FxRate& rate) {
  FxUse use;
  use.from = std::string(rate.from.code());
  use.to = std::string(rate.to.code());
  use.rate = rate.rate;
  use.date = rate.date;
  use.provenance = ProvenanceRecord::from(rate.provenance);
  use.detail = rate.detail;
  return use;
}

json money_to_json(const Money& money) {
  // A default Money (no currency) only appears in a struct nobody filled; keep it readable.
  std::string code = money.currency().valid() ? std::string(money.currency().code()) : "";
  return {{"amount", money.amount_text()}, {"currency", code}};
}

StatusOr<Money> money_from_json(const json& j, std::string_view field) {
  std::string path(field);
  if (!j.is_object() || !j.contains("amount") || !j.contains("currency") ||
      !j["amount"].is_string() || !j["currency"].is_string()) {
    return field_error(path, "expected {\"amount\": \"decimal\", \"currency\": \"ISO 4217\"}");
  }
  auto amount = Decimal::parse(j["amount"].get<std::string>());
  if (!amount.ok()) return field_error(path + ".amount", amount.status().message());
  if (j["currency"].get<std::string>().empty()) return Money(*amount, Currency());
  auto currency = catalog::currency_from_code(j["currency"].get<std::string>());
  if (!currency.ok()) return field_error(path + ".currency", currency.status().message());
  return Money(*amount, *currency);
}

json to_json(const ProvenanceRecord& value) { return encode(value); }
json to_json(const FxUse& value) { return encode(value); }
json to_json(const ResearchSection& section) { return section_to_json(encode(section)); }
json to_json(const SourcingSection& section) { return section_to_json(encode(section)); }
json to_json(const ComplianceSection& section) { return section_to_json(encode(section)); }
json to_json(const LogisticsSection& section) { return section_to_json(encode(section)); }
json to_json(const FinanceSection& section) { return section_to_json(encode(section)); }
json to_json(const ListingSection& section) { return section_to_json(encode(section)); }
json to_json(const NegotiationSection& section) { return section_to_json(encode(section)); }

StatusOr<ResearchSection> research_section_from_json(const json& j) {
  return section_from_json<ResearchSection>(j, kResearchSection);
}
StatusOr<SourcingSection> sourcing_section_from_json(const json& j) {
  return section_from_json<SourcingSection>(j, kSourcingSection);
}
StatusOr<ComplianceSection> compliance_section_from_json(const json& j) {
  return section_from_json<ComplianceSection>(j, kComplianceSection);
}
StatusOr<LogisticsSection> logistics_section_from_json(const json& j) {
  return section_from_json<LogisticsSection>(j, kLogisticsSection);
}
StatusOr<FinanceSection> finance_section_from_json(const json& j) {
  return section_from_json<FinanceSection>(j, kFinanceSection);
}
StatusOr<ListingSection> listing_section_from_json(const json& j) {
  return section_from_json<ListingSection>(j, kListingSection);
}
StatusOr<NegotiationSection> negotiation_section_from_json(const json& j) {
  return section_from_json<NegotiationSection>(j, kNegotiationSection);
}

}  // namespace kontor::crew
