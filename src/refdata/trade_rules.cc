#include "refdata/trade_rules.h"

#include <algorithm>

#include "refdata/detail/table_util.h"

namespace kontor::refdata {

namespace {

constexpr std::string_view kValuationFile = "valuation_basis.csv";
constexpr std::string_view kDeMinimisFile = "de_minimis.csv";
constexpr std::string_view kUserFeesFile = "us_user_fees.csv";

// "2200-12-31": an open-ended fee period (the file leaves valid_to empty).
Date open_end() { return Date::from_ymd(2200, 12, 31).value(); }

Status check_jurisdiction(const CsvReader& reader, const std::string& text) {
  const bool ok =
      text.size() == 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z';
  return ok ? ok_status()
            : reader.error("jurisdiction", "expected ISO 3166 code or EU, got '" + text + "'");
}

Status check_source(const CsvReader& reader, const std::string& text) {
  return text.empty() ? reader.error("source", "every row must cite its source") : ok_status();
}

StatusOr<std::optional<Decimal>> optional_decimal(const CsvReader& reader, std::string_view field,
                                                  const std::string& text) {
  if (text.empty()) return std::optional<Decimal>();
  ASSIGN_OR_RETURN(Decimal value, detail::parse_decimal_field(reader, field, text));
  if (value.is_negative()) return reader.error(field, "negative");
  return std::optional<Decimal>(value);
}

StatusOr<bool> parse_bool(const CsvReader& reader, std::string_view field,
                          const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return reader.error(field, "expected true or false, got '" + text + "'");
}

}  // namespace

std::string_view valuation_basis_name(ValuationBasis basis) {
  return basis == ValuationBasis::kCif ? "CIF" : "FOB";
}

std::string_view de_minimis_scope_name(DeMinimisScope scope) {
  switch (scope) {
    case DeMinimisScope::kDuty: return "duty";
    case DeMinimisScope::kImportTax: return "import_tax";
    case DeMinimisScope::kDutyAndTax: return "duty_and_tax";
  }
  return "?";
}

std::string_view us_fee_kind_name(UsFeeKind kind) {
  switch (kind) {
    case UsFeeKind::kMpfFormal: return "mpf_formal";
    case UsFeeKind::kMpfInformal: return "mpf_informal";
    case UsFeeKind::kHmf: return "hmf";
  }
  return "?";
}

struct TradeRules::Impl {
  DataSource valuation_source;
  DataSource de_minimis_source;
  DataSource fees_source;
  std::vector<ValuationRule> valuation;
  std::vector<Date> valuation_from;  // parallel to valuation
  std::vector<DeMinimisRule> de_minimis;
  std::vector<UsFeeRule> fees;
  // Printed values the Provenance views point at, parallel to the rule vectors.
  std::vector<std::string> valuation_texts, de_minimis_texts, fee_texts;
};

TradeRules::TradeRules() : impl_(std::make_shared<Impl>()) {}

namespace {

Status load_valuation(const std::string& path, std::vector<ValuationRule>* rules,
                      std::vector<Date>* from, std::vector<std::string>* texts) {
  ASSIGN_OR_RETURN(auto file,
                   detail::open_csv(path, {"jurisdiction", "basis", "valid_from", "source"}));
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  while (file->reader->next(row)) {
    ValuationRule rule;
    rule.jurisdiction = row[file->cols[0]];
    RETURN_IF_ERROR(check_jurisdiction(reader, rule.jurisdiction));
    const std::string& basis = row[file->cols[1]];
    if (basis != "CIF" && basis != "FOB")
      return reader.error("basis", "expected CIF or FOB, got '" + basis + "'");
    rule.basis = basis == "CIF" ? ValuationBasis::kCif : ValuationBasis::kFob;
    ASSIGN_OR_RETURN(Date valid_from,
                     detail::parse_date_field(reader, "valid_from", row[file->cols[2]]));
    rule.source = row[file->cols[3]];
    RETURN_IF_ERROR(check_source(reader, rule.source));
    rule.provenance.line = file->line();
    texts->push_back(basis);
    rules->push_back(std::move(rule));
    from->push_back(valid_from);
  }
  return file->reader->status();
}

StatusOr<DeMinimisScope> parse_scope(const CsvReader& reader, const std::string& text) {
  for (DeMinimisScope s :
       {DeMinimisScope::kDuty, DeMinimisScope::kImportTax, DeMinimisScope::kDutyAndTax}) {
    if (de_minimis_scope_name(s) == text) return s;
  }
  return reader.error("scope", "expected duty, import_tax or duty_and_tax, got '" + text + "'");
}

Status load_de_minimis(const std::string& path, std::vector<DeMinimisRule>* rules,
                       std::vector<std::string>* texts) {
  ASSIGN_OR_RETURN(
      auto file, detail::open_csv(path, {"jurisdiction", "scope", "threshold", "currency", "basis",
                                         "valid_from", "valid_to", "origin_scope", "suspended",
                                         "collection", "source", "note"}));
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  while (file->reader->next(row)) {
    const auto col = [&](int i) -> const std::string& { return row[file->cols[i]]; };
    DeMinimisRule rule;
    rule.jurisdiction = col(0);
    RETURN_IF_ERROR(check_jurisdiction(reader, rule.jurisdiction));
    ASSIGN_OR_RETURN(rule.scope, parse_scope(reader, col(1)));
    ASSIGN_OR_RETURN(rule.threshold, detail::parse_decimal_field(reader, "threshold", col(2)));
    if (rule.threshold.is_negative()) return reader.error("threshold", "negative");
    rule.currency = col(3);
    if (rule.currency.size() != 3) return reader.error("currency", "expected an ISO 4217 code");
    rule.basis = col(4);
    ASSIGN_OR_RETURN(rule.valid_from, detail::parse_date_field(reader, "valid_from", col(5)));
    if (!col(6).empty()) {
      ASSIGN_OR_RETURN(rule.valid_to, detail::parse_date_field(reader, "valid_to", col(6)));
      if (*rule.valid_to < rule.valid_from) return reader.error("valid_to", "before valid_from");
    }
    rule.origin_scope = col(7);
    ASSIGN_OR_RETURN(rule.suspended, parse_bool(reader, "suspended", col(8)));
    if (col(9) == "at_sale") {
      rule.collected_at_sale = true;
    } else if (col(9) != "exempt") {
      return reader.error("collection", "expected exempt or at_sale, got '" + col(9) + "'");
    }
    if (rule.collected_at_sale && rule.scope != DeMinimisScope::kImportTax) {
      return reader.error("collection", "at_sale applies to import_tax rows only");
    }
    rule.source = col(10);
    RETURN_IF_ERROR(check_source(reader, rule.source));
    rule.note = col(11);
    rule.provenance.line = file->line();
    texts->push_back(col(2) + " " + rule.currency);
    rules->push_back(std::move(rule));
  }
  return file->reader->status();
}

StatusOr<UsFeeKind> parse_fee_kind(const CsvReader& reader, const std::string& text) {
  for (UsFeeKind k : {UsFeeKind::kMpfFormal, UsFeeKind::kMpfInformal, UsFeeKind::kHmf}) {
    if (us_fee_kind_name(k) == text) return k;
  }
  return reader.error("kind", "expected mpf_formal, mpf_informal or hmf, got '" + text + "'");
}

// The parameters a fee of each kind needs: formal MPF a rate with minimum and maximum,
// informal MPF a flat amount and its variant, HMF a rate.
Status check_fee_shape(const CsvReader& reader, const UsFeeRule& rule) {
  switch (rule.kind) {
    case UsFeeKind::kMpfFormal:
      if (!rule.minimum) return reader.error("minimum", "required for mpf_formal");
      if (!rule.maximum) return reader.error("maximum", "required for mpf_formal");
      if (*rule.maximum < *rule.minimum) return reader.error("maximum", "below minimum");
      break;
    case UsFeeKind::kMpfInformal:
      if (!rule.flat) return reader.error("flat", "required for mpf_informal");
      if (rule.variant.empty()) return reader.error("variant", "required for mpf_informal");
      break;
    case UsFeeKind::kHmf:
      if (rule.rate.is_zero()) return reader.error("rate", "required for hmf");
      break;
  }
  return ok_status();
}

Status load_fees(const std::string& path, std::vector<UsFeeRule>* rules,
                 std::vector<std::string>* texts) {
  ASSIGN_OR_RETURN(auto file,
                   detail::open_csv(path, {"kind", "variant", "rate", "minimum", "maximum", "flat",
                                           "valid_from", "valid_to", "source"}));
  std::vector<std::string> row;
  const CsvReader& reader = *file->reader;
  while (file->reader->next(row)) {
    const auto col = [&](int i) -> const std::string& { return row[file->cols[i]]; };
    UsFeeRule rule;
    ASSIGN_OR_RETURN(rule.kind, parse_fee_kind(reader, col(0)));
    rule.variant = col(1);
    ASSIGN_OR_RETURN(rule.rate, detail::parse_decimal_field(reader, "rate", col(2)));
    if (rule.rate.is_negative() || rule.rate > Decimal(1))
      return reader.error("rate", "not a fraction");
    ASSIGN_OR_RETURN(rule.minimum, optional_decimal(reader, "minimum", col(3)));
    ASSIGN_OR_RETURN(rule.maximum, optional_decimal(reader, "maximum", col(4)));
    ASSIGN_OR_RETURN(rule.flat, optional_decimal(reader, "flat", col(5)));
    ASSIGN_OR_RETURN(rule.valid_from, detail::parse_date_field(reader, "valid_from", col(6)));
    rule.valid_to = open_end();
    if (!col(7).empty()) {
      ASSIGN_OR_RETURN(rule.valid_to, detail::parse_date_field(reader, "valid_to", col(7)));
      if (rule.valid_to < rule.valid_from) return reader.error("valid_to", "before valid_from");
    }
    rule.source = col(8);
    RETURN_IF_ERROR(check_source(reader, rule.source));
    RETURN_IF_ERROR(check_fee_shape(reader, rule));
    rule.provenance.line = file->line();
    std::string text = rule.flat ? "$" + col(5) : col(2);
    if (rule.minimum) text += " min $" + col(3) + " max $" + col(4);
    texts->push_back(std::move(text));
    rules->push_back(std::move(rule));
  }
  return file->reader->status();
}

}  // namespace

StatusOr<TradeRules> TradeRules::load(const std::string& repo_data_dir) {
  auto impl = std::make_shared<Impl>();
  // Appending (not operator+) keeps GCC 12's -Wrestrict false positive out of Release builds.
  const auto path_of = [&](std::string_view file) {
    std::string path = repo_data_dir;
    path.push_back('/');
    path.append(file);
    return path;
  };
  impl->valuation_source = {"valuation_basis", std::string(kValuationFile),
                            "Customs value basis (CIF/FOB) by jurisdiction, authored by Kontor",
                            "2026-11-23", "authored by Kontor; each row cites the law"};
  impl->de_minimis_source = {"de_minimis", std::string(kDeMinimisFile),
                             "De minimis thresholds for duty and import tax, authored by Kontor",
                             "2026-11-23", "authored by Kontor; each row cites its source"};
  impl->fees_source = {"us_user_fees", std::string(kUserFeesFile),
                       "US CBP merchandise processing and harbor maintenance fees by fiscal year",
                       "FY2019-FY2026", "authored by Kontor; each row cites its source"};
  RETURN_IF_ERROR(load_valuation(path_of(kValuationFile), &impl->valuation, &impl->valuation_from,
                                 &impl->valuation_texts));
  RETURN_IF_ERROR(
      load_de_minimis(path_of(kDeMinimisFile), &impl->de_minimis, &impl->de_minimis_texts));
  RETURN_IF_ERROR(load_fees(path_of(kUserFeesFile), &impl->fees, &impl->fee_texts));
  // The vectors are final now, so the views stay valid for the life of the table.
  for (std::size_t i = 0; i < impl->valuation.size(); ++i) {
    ValuationRule& r = impl->valuation[i];
    r.provenance = {&impl->valuation_source, r.provenance.line, r.jurisdiction,
                    impl->valuation_texts[i], r.source};
  }
  for (std::size_t i = 0; i < impl->de_minimis.size(); ++i) {
    DeMinimisRule& r = impl->de_minimis[i];
    r.provenance = {&impl->de_minimis_source, r.provenance.line, r.jurisdiction,
                    impl->de_minimis_texts[i], r.source};
  }
  for (std::size_t i = 0; i < impl->fees.size(); ++i) {
    UsFeeRule& r = impl->fees[i];
    r.provenance = {&impl->fees_source, r.provenance.line, us_fee_kind_name(r.kind),
                    impl->fee_texts[i], r.source};
  }
  TradeRules rules;
  rules.impl_ = std::move(impl);
  return rules;
}

StatusOr<const ValuationRule*> TradeRules::valuation(CountryCode destination,
                                                     std::string_view customs_union,
                                                     Date as_of) const {
  // The destination's own row wins over its customs union's.
  for (std::string_view key : {destination.code(), customs_union}) {
    if (key.empty()) continue;
    const ValuationRule* best = nullptr;
    Date best_from;
    for (std::size_t i = 0; i < impl_->valuation.size(); ++i) {
      const ValuationRule& r = impl_->valuation[i];
      if (r.jurisdiction != key || as_of < impl_->valuation_from[i]) continue;
      if (best == nullptr || best_from < impl_->valuation_from[i]) {
        best = &r;
        best_from = impl_->valuation_from[i];
      }
    }
    if (best != nullptr) return best;
  }
  return not_found("valuation: no customs value basis for '" + std::string(destination.code()) +
                   "'" + (customs_union.empty() ? "" : " or '" + std::string(customs_union) + "'") +
                   " on " + as_of.to_string() + " in " + std::string(kValuationFile));
}

StatusOr<const ValuationRule*> TradeRules::valuation(CountryCode destination,
                                                     std::string_view customs_union) const {
  return valuation(destination, customs_union, Date::from_ymd(2200, 12, 31).value());
}

std::vector<const DeMinimisRule*> TradeRules::de_minimis(CountryCode destination,
                                                         std::string_view customs_union,
                                                         Date as_of) const {
  std::vector<const DeMinimisRule*> out;
  for (const DeMinimisRule& r : impl_->de_minimis) {
    const bool applies = r.jurisdiction == destination.code() ||
                         (!customs_union.empty() && r.jurisdiction == customs_union);
    if (applies && r.valid_from <= as_of && (!r.valid_to || as_of <= *r.valid_to)) {
      out.push_back(&r);
    }
  }
  return out;
}

StatusOr<const UsFeeRule*> TradeRules::us_fee(UsFeeKind kind, Date as_of,
                                              std::string_view variant) const {
  std::vector<const UsFeeRule*> hits;
  for (const UsFeeRule& r : impl_->fees) {
    if (r.kind != kind || as_of < r.valid_from || r.valid_to < as_of) continue;
    if (!variant.empty() && r.variant != variant) continue;
    hits.push_back(&r);
  }
  if (hits.size() == 1) return hits.front();
  const std::string what = std::string(us_fee_kind_name(kind)) +
                           (variant.empty() ? "" : " (" + std::string(variant) + ")");
  if (hits.empty()) {
    return failed_precondition("us fee: no " + what + " parameters in force on " +
                               as_of.to_string() + " in " + std::string(kUserFeesFile));
  }
  std::string variants;
  for (const UsFeeRule* r : hits) variants += (variants.empty() ? "" : ", ") + r->variant;
  return failed_precondition("us fee: " + what + " on " + as_of.to_string() +
                             " needs a variant: " + variants);
}

const std::vector<ValuationRule>& TradeRules::valuation_rules() const { return impl_->valuation; }
const std::vector<DeMinimisRule>& TradeRules::de_minimis_rules() const { return impl_->de_minimis; }
const std::vector<UsFeeRule>& TradeRules::us_fee_rules() const { return impl_->fees; }
const DataSource& TradeRules::valuation_source() const { return impl_->valuation_source; }
const DataSource& TradeRules::de_minimis_source() const { return impl_->de_minimis_source; }
const DataSource& TradeRules::us_fees_source() const { return impl_->fees_source; }

}  // namespace kontor::refdata
