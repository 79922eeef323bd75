#include "compliance/requirements.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.h"

namespace kontor::compliance {
namespace {

constexpr std::array<std::string_view, 10> kKinds = {
    "conformity", "certificate",   "test_report",    "labelling", "registration",
    "substances", "documentation", "general_safety", "transport", "cybersecurity"};

constexpr std::array<std::string_view, 13> kColumns = {
    "id",           "market",         "requirement",     "kind",   "applies_if",   "evidence",
    "when_missing", "effective_from", "effective_until", "source", "source_title", "source_url",
    "action"};

std::string trim(std::string_view text) {
  std::size_t b = text.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  std::size_t e = text.find_last_not_of(" \t");
  return std::string(text.substr(b, e - b + 1));
}

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(sep, start);
    parts.push_back(trim(text.substr(start, at - start)));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

StatusOr<ConditionTerm> parse_term(std::string_view text) {
  ConditionTerm term;
  if (!text.empty() && text[0] == '!') {
    term.negated = true;
    text.remove_prefix(1);
  }
  if (text.starts_with("hs:")) {
    term.kind = ConditionTerm::Kind::kHsPrefix;
    term.hs_prefix = std::string(text.substr(3));
    bool digits =
        !term.hs_prefix.empty() && std::all_of(term.hs_prefix.begin(), term.hs_prefix.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) return invalid_argument("not an HS prefix: '" + std::string(text) + "'");
    return term;
  }
  ASSIGN_OR_RETURN(term.flag, parse_product_flag(text));
  return term;
}

StatusOr<std::vector<std::vector<ConditionTerm>>> parse_condition(std::string_view text) {
  std::vector<std::vector<ConditionTerm>> alternatives;
  if (text == "*") return alternatives;
  if (text.empty()) return invalid_argument("empty; write '*' for a rule that always applies");
  for (const std::string& alt : split(text, '|')) {
    std::vector<ConditionTerm> conjunction;
    for (const std::string& t : split(alt, '&')) {
      if (t.empty()) return invalid_argument("empty term in '" + std::string(text) + "'");
      ASSIGN_OR_RETURN(ConditionTerm term, parse_term(t));
      conjunction.push_back(std::move(term));
    }
    alternatives.push_back(std::move(conjunction));
  }
  return alternatives;
}

bool valid_market(std::string_view m) {
  if (m == "*" || m == "EU") return true;
  return m.size() == 2 && m[0] >= 'A' && m[0] <= 'Z' && m[1] >= 'A' && m[1] <= 'Z';
}

// Holds the term for the product; appends the reason to `why` when it does.
bool term_holds(const ConditionTerm& term, const ProductFacts& facts, std::string& why) {
  if (term.kind == ConditionTerm::Kind::kHsPrefix) {
    bool match = !facts.hs_code().empty() && facts.hs_code().starts_with(term.hs_prefix);
    if (match == term.negated) return false;
    why += term.negated ? "HS not under " + term.hs_prefix
                        : "HS " + facts.hs_code() + " under " + term.hs_prefix;
    return true;
  }
  const std::string* reason = facts.reason(term.flag);
  if ((reason != nullptr) == term.negated) return false;
  std::string name(product_flag_name(term.flag));
  why += term.negated ? "not " + name : name + " (" + *reason + ")";
  return true;
}

// The reason the rule applies, or nullopt.
std::optional<std::string> applies(const MarketRule& rule, const ProductFacts& facts) {
  if (rule.alternatives.empty()) return std::string("applies to every product");
  for (const auto& conjunction : rule.alternatives) {
    std::string why;
    bool all = true;
    for (const ConditionTerm& term : conjunction) {
      if (!why.empty()) why += " and ";
      if (!term_holds(term, facts, why)) {
        all = false;
        break;
      }
    }
    if (all) return why;
  }
  return std::nullopt;
}

}  // namespace

std::string_view requirement_status_name(RequirementStatus status) {
  switch (status) {
    case RequirementStatus::kHeld: return "held";
    case RequirementStatus::kMissing: return "missing";
    case RequirementStatus::kToCheck: return "to_check";
  }
  return "?";
}

bool MarketRule::in_force(Date as_of) const {
  if (effective_from && as_of < *effective_from) return false;
  if (effective_until && as_of > *effective_until) return false;
  return true;
}

StatusOr<RequirementsBook> RequirementsBook::load(const std::string& repo_data_dir) {
  return load_files(repo_data_dir + "/market_requirements.csv",
                    repo_data_dir + "/market_requirements_flags.csv");
}

StatusOr<RequirementsBook> RequirementsBook::load_files(const std::string& rules_csv,
                                                        const std::string& flags_csv) {
  ASSIGN_OR_RETURN(FlagRules flags, FlagRules::load(flags_csv));
  ASSIGN_OR_RETURN(std::string text, read_file(rules_csv));
  return parse(text, rules_csv.substr(rules_csv.find_last_of('/') + 1), std::move(flags));
}

namespace {

StatusOr<std::optional<Date>> parse_optional_date(const CsvReader& csv, std::string_view field,
                                                  const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  auto date = Date::parse(text);
  if (!date.ok()) return csv.error(field, date.status().message());
  return std::optional<Date>(*date);
}

// One data row into a rule; every rejection names the field.
StatusOr<MarketRule> parse_rule(const CsvReader& csv, const std::vector<std::string>& row,
                                const std::vector<std::size_t>& col) {
  auto f = [&](std::size_t i) -> const std::string& { return row[col[i]]; };
  MarketRule r;
  r.line = static_cast<std::uint32_t>(csv.line());
  r.id = f(0);
  if (r.id.empty()) return csv.error("id", "empty");
  r.market = f(1);
  if (!valid_market(r.market)) {
    return csv.error("market",
                     "expected '*', 'EU' or a 2-letter country code, got '" + r.market + "'");
  }
  r.requirement = f(2);
  if (r.requirement.empty()) return csv.error("requirement", "empty");
  r.kind = f(3);
  if (std::find(kKinds.begin(), kKinds.end(), r.kind) == kKinds.end()) {
    return csv.error("kind", "unknown kind '" + r.kind + "'");
  }
  r.condition = f(4);
  auto alternatives = parse_condition(r.condition);
  if (!alternatives.ok()) return csv.error("applies_if", alternatives.status().message());
  r.alternatives = std::move(alternatives).value();
  if (!f(5).empty()) r.evidence = split(f(5), '|');
  if (f(6) == "missing") {
    r.when_missing = RequirementStatus::kMissing;
  } else if (f(6) == "to_check") {
    r.when_missing = RequirementStatus::kToCheck;
  } else {
    return csv.error("when_missing", "expected missing or to_check, got '" + f(6) + "'");
  }
  if (r.when_missing == RequirementStatus::kMissing && r.evidence.empty()) {
    return csv.error("evidence", "a rule that can be missing needs at least one evidence name");
  }
  ASSIGN_OR_RETURN(r.effective_from, parse_optional_date(csv, "effective_from", f(7)));
  ASSIGN_OR_RETURN(r.effective_until, parse_optional_date(csv, "effective_until", f(8)));
  if (r.effective_from && r.effective_until && *r.effective_until < *r.effective_from) {
    return csv.error("effective_until", "before effective_from");
  }
  r.source = f(9);
  if (r.source.empty()) return csv.error("source", "every rule must cite its source");
  r.source_title = f(10);
  if (r.source_title.empty()) return csv.error("source_title", "empty");
  r.source_url = f(11);
  if (!r.source_url.empty() && !r.source_url.starts_with("https://")) {
    return csv.error("source_url", "expected an https:// address, got '" + r.source_url + "'");
  }
  r.action = f(12);
  if (r.action.empty()) return csv.error("action", "empty");
  return r;
}

}  // namespace

StatusOr<RequirementsBook> RequirementsBook::parse(std::string_view rules_text,
                                                   const std::string& rules_file, FlagRules flags) {
  CsvReader csv(rules_text, rules_file);
  RETURN_IF_ERROR(csv.read_header());
  std::vector<std::size_t> col;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    ASSIGN_OR_RETURN(std::size_t c, csv.column(kColumns[i]));
    col.push_back(c);
  }
  RequirementsBook book;
  std::set<std::string> ids;
  std::vector<std::string> row;
  while (csv.next(row)) {
    ASSIGN_OR_RETURN(MarketRule rule, parse_rule(csv, row, col));
    if (!ids.insert(rule.id).second) return csv.error("id", "duplicate id '" + rule.id + "'");
    book.rules_.push_back(std::move(rule));
  }
  RETURN_IF_ERROR(csv.status());
  book.flags_ = std::move(flags);
  book.source_ = {"market_requirements", rules_file,
                  "Kontor market requirements (authored from the cited regulations)",
                  "see effective_from/effective_until per rule", "project data"};
  return book;
}

StatusOr<Checklist> RequirementsBook::checklist(const ProductFacts& facts, CountryCode market,
                                                Date as_of) const {
  if (!union_lookup_) {
    return failed_precondition(
        "requirements: no country table to resolve customs unions (call use_countries)");
  }
  std::string customs_union = union_lookup_(market, as_of);
  return checklist(facts, market, customs_union, as_of);
}

Checklist RequirementsBook::checklist(const ProductFacts& facts, CountryCode market,
                                      std::string_view customs_union, Date as_of) const {
  Checklist list;
  list.destination = market;
  list.as_of = as_of;
  std::string country(market.code());
  if (country == "UK") country = "GB";
  list.markets = {"*"};
  if (!customs_union.empty()) list.markets.emplace_back(customs_union);
  list.markets.push_back(country);
  for (const MarketRule& rule : rules_) {
    bool ours =
        std::find(list.markets.begin(), list.markets.end(), rule.market) != list.markets.end();
    if (!ours) continue;
    if (rule.market != "*") list.market_covered = true;
    if (!rule.in_force(as_of)) continue;
    std::optional<std::string> why = applies(rule, facts);
    if (!why) continue;
    ChecklistItem item{rule, *why, rule.when_missing, ""};
    for (const std::string& evidence : rule.evidence) {
      if (auto cert = facts.held(evidence)) {
        item.status = RequirementStatus::kHeld;
        item.held_as = *cert;
        break;
      }
    }
    list.items.push_back(std::move(item));
  }
  return list;
}

std::size_t Checklist::count(RequirementStatus status) const {
  return static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(), [status](const ChecklistItem& i) { return i.status == status; }));
}

const ChecklistItem* Checklist::find(std::string_view rule_id) const {
  for (const ChecklistItem& item : items) {
    if (item.rule.id == rule_id) return &item;
  }
  return nullptr;
}

std::string Checklist::to_json() const {
  nlohmann::ordered_json out;
  out["destination"] = std::string(destination.code());
  out["markets"] = markets;
  out["as_of"] = as_of.to_string();
  out["market_covered"] = market_covered;
  out["items"] = nlohmann::ordered_json::array();
  for (const ChecklistItem& item : items) {
    nlohmann::ordered_json j;
    j["id"] = item.rule.id;
    j["market"] = item.rule.market;
    j["requirement"] = item.rule.requirement;
    j["kind"] = item.rule.kind;
    j["status"] = std::string(requirement_status_name(item.status));
    if (!item.held_as.empty()) j["held_as"] = item.held_as;
    j["why"] = item.why;
    j["evidence"] = item.rule.evidence;
    j["action"] = item.rule.action;
    j["source"] = {{"regulation", item.rule.source},
                   {"title", item.rule.source_title},
                   {"url", item.rule.source_url},
                   {"rules_line", item.rule.line}};
    out["items"].push_back(std::move(j));
  }
  return out.dump(2);
}

std::string Checklist::to_text() const {
  std::string text =
      "Requirements for " + std::string(destination.code()) + " as of " + as_of.to_string() + "\n";
  if (!market_covered) {
    text += "(no market-specific rules for this destination; only rules for every market)\n";
  }
  for (const ChecklistItem& item : items) {
    text += "[" + std::string(requirement_status_name(item.status)) + "] " + item.rule.id + ": " +
            item.rule.requirement + "\n    why: " + item.why + "\n    source: " + item.rule.source +
            " — " + item.rule.source_title + "\n";
    if (!item.held_as.empty()) text += "    held as: " + item.held_as + "\n";
  }
  return text;
}

}  // namespace kontor::compliance
