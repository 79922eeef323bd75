// Market requirements: which marks, certificates, tests, labels and registrations a product
// needs to be sold in a destination market, and which of them the supplier already holds.
//
// The rules are data the project authors from public regulations (data/market_requirements.csv,
// one row per requirement, each citing its regulation number, official title and page; columns
// in data/market_requirements.md). A rule applies to a market code — a country ("US", "GB",
// "DE"), a customs union whose members inherit it ("EU"), or "*" for every destination (e.g. the
// transport rules for lithium batteries) — when its condition on the product's flags and HS code
// holds on the as-of date. The result is a checklist: requirement, why it applies (the matched
// condition with the reason for each flag), source, and status held / missing / to check.
// Nothing here is legal advice; "to check" marks rules whose applicability depends on facts the
// product text does not state (substances, voltage, intended use).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compliance/product_facts.h"
#include "core/country.h"
#include "core/date.h"
#include "core/provenance.h"
#include "core/status.h"
#include "refdata/countries.h"

namespace kontor::compliance {

enum class RequirementStatus {
  kHeld,     // the supplier holds a certificate the rule accepts as evidence
  kMissing,  // evidence is needed and none is held
  kToCheck,  // an obligation to verify or act on (label, registration, warning) or conditional
};
std::string_view requirement_status_name(
    RequirementStatus status);  // "held", "missing", "to_check"

// One term of a rule condition: a flag, a negated flag, or an HS prefix ("hs:8507").
struct ConditionTerm {
  enum class Kind { kFlag, kHsPrefix };
  Kind kind = Kind::kFlag;
  bool negated = false;
  ProductFlag flag = ProductFlag::kElectrical;
  std::string hs_prefix;
};

// A rule as authored: the condition is "*" (always) or alternatives joined by '|', each a
// conjunction of terms joined by '&' ("wireless", "mains_powered & !wireless", "toy | hs:9503").
struct MarketRule {
  std::string id;           // "EU-RED"
  std::string market;       // "EU", "US", "GB", "DE", "*"
  std::string requirement;  // "CE marking under the Radio Equipment Directive"
  std::string kind;         // conformity, certificate, test_report, labelling, registration, …
  std::string condition;    // the applies_if text as written
  std::vector<std::vector<ConditionTerm>> alternatives;  // empty = always
  std::vector<std::string> evidence;  // certificate names accepted as held ("CE-RED", "RED")
  RequirementStatus when_missing = RequirementStatus::kMissing;
  std::optional<Date> effective_from;   // inclusive
  std::optional<Date> effective_until;  // inclusive
  std::string source;                   // "Directive 2014/53/EU"
  std::string source_title;             // official title
  std::string source_url;               // official page, may be empty
  std::string action;                   // what to do, in the project's words
  std::uint32_t line = 0;               // physical line in the rules file

  bool in_force(Date as_of) const;
};

struct ChecklistItem {
  MarketRule rule;
  std::string why;  // "wireless (keyword 'bluetooth' in title)"
  RequirementStatus status = RequirementStatus::kMissing;
  std::string held_as;  // the supplier's certificate that matched, when held
};

struct Checklist {
  CountryCode destination;
  std::vector<std::string> markets;  // rule markets consulted, e.g. {"*", "EU", "DE"}
  Date as_of;
  bool market_covered = false;       // false: only the "*" rules exist for this destination
  std::vector<ChecklistItem> items;  // in rules-file order

  std::size_t count(RequirementStatus status) const;
  const ChecklistItem* find(std::string_view rule_id) const;
  std::string to_json() const;  // {"destination", "markets", "as_of", "items": [...]}
  std::string to_text() const;  // one line per item: status, id, requirement, why, source
};

// The customs union a country belongs to on a date ("EU"), or empty.
using CustomsUnionLookup = std::function<std::string(CountryCode, Date)>;

class RequirementsBook {
 public:
  // Reads market_requirements.csv and market_requirements_flags.csv from the repo's data/.
  static StatusOr<RequirementsBook> load(const std::string& repo_data_dir);
  static StatusOr<RequirementsBook> load_files(const std::string& rules_csv,
                                               const std::string& flags_csv);
  // data_loss "FILE line N, field 'F': reason" for a malformed row.
  static StatusOr<RequirementsBook> parse(std::string_view rules_text,
                                          const std::string& rules_file, FlagRules flags);

  // EU member states resolve to the EU rules through the country table's customs unions.
  void use_countries(const refdata::CountryTable& countries) {
    union_lookup_ = [&countries](CountryCode code, Date as_of) {
      return std::string(countries.customs_union(code, as_of));
    };
  }
  void use_customs_union_lookup(CustomsUnionLookup lookup) { union_lookup_ = std::move(lookup); }

  // Flags of a described product by the keyword rules.
  StatusOr<ProductFacts> facts(const ProductDescription& product) const {
    return flags_.derive(product);
  }

  // The checklist for `market` on `as_of`: rules for "*", the country itself and its customs
  // union. "UK" is accepted for GB. failed_precondition when no customs-union lookup was set
  // (use_countries), since an EU member would otherwise silently miss the EU rules.
  StatusOr<Checklist> checklist(const ProductFacts& facts, CountryCode market, Date as_of) const;
  // The same with the customs union given explicitly ("EU" or empty).
  Checklist checklist(const ProductFacts& facts, CountryCode market, std::string_view customs_union,
                      Date as_of) const;

  const std::vector<MarketRule>& rules() const { return rules_; }
  const FlagRules& flag_rules() const { return flags_; }
  const DataSource& source() const { return source_; }

 private:
  std::vector<MarketRule> rules_;
  FlagRules flags_;
  DataSource source_;
  CustomsUnionLookup union_lookup_;
};

}  // namespace kontor::compliance
