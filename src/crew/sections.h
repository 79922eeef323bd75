// The typed Case sections the agents write and the report renders: one struct per section
// (research, sourcing, compliance, logistics, finance, listing, negotiation), each with its
// JSON form. The JSON is what the case store keeps (TaskContext::read/write) and what the report,
// the API and `--json` show; these structs are the one schema of it.
//
// JSON conventions (shared with crew/brief.h and trade/landed_cost_json.h):
// - money is {"amount": "24.99", "currency": "EUR"} (amount a decimal string, exact);
// - other exact numbers (rates, shares, quantities) are decimal strings: "0.19", "2000";
// - dates are "YYYY-MM-DD", countries ISO 3166-1 alpha-2 ("DE"), currencies ISO 4217;
// - scores and classifier confidences are JSON numbers in 0..1 (they rank, nobody pays them);
// - an absent std::optional is an omitted key; every other key is always written, so a
//   renderer can rely on it; the reader accepts missing vectors as empty.
// - every section carries "schema": kSectionSchema; a reader refuses a newer schema.
// *_from_json names the first bad field with its path ("shortlist[2].tier_price.amount: …").
//
// Money conventions: "buyer currency" is the currency of the brief's target retail price (else
// its target landed cost or budget, else the destination's customs currency); "offer currency"
// is the supplier's. Per-unit figures are per unit of the brief's quantity (usually pcs).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/decimal.h"
#include "core/fx_rate.h"
#include "core/money.h"
#include "core/provenance.h"
#include "core/status.h"

namespace kontor::crew {

// Section names as stored in the case (TaskContext::read/write).
inline constexpr std::string_view kResearchSection = "research";
inline constexpr std::string_view kSourcingSection = "sourcing";
inline constexpr std::string_view kComplianceSection = "compliance";
inline constexpr std::string_view kLogisticsSection = "logistics";
inline constexpr std::string_view kFinanceSection = "finance";
inline constexpr std::string_view kListingSection = "listing";
inline constexpr std::string_view kNegotiationSection = "negotiation";

inline constexpr int kSectionSchema = 1;

// ---------------------------------------------------------------------------------------------
// Shared pieces

// An owned copy of a Provenance (which views immutable reference data), fit for storing.
struct ProvenanceRecord {
  std::string source;      // DataSource id ("eu_cet_2020"); "" for a rule, user input or catalog
  std::string file;        // data file name ("tariff_uk_global_tariff_2021_vs_eu_cet_2020.csv")
  std::string edition;     // the data's own as-of ("CN2020")
  std::uint32_t line = 0;  // 1-based line in `file`, 0 if none
  std::string key;         // tariff line, currency pair, rule id: "7323 93 00 00", "USD/EUR"
  std::string text;        // the rate or parameter as printed in the source: "3.2%", "19"
  std::string rule;        // the rule applied: "Art. 70 UCC transaction value"
  std::string summary;     // Provenance::to_string(): one line for reports

  static ProvenanceRecord from(const Provenance& provenance);
};

// An FX conversion used by a figure.
struct FxUse {
  std::string from;             // ISO 4217 of the amount converted: "USD"
  std::string to;               // "EUR"
  Decimal rate;                 // units of `to` for one `from`
  Date date;                    // the date the rate was published for
  ProvenanceRecord provenance;  // data set and row (ECB/Fed/HMRC file)
  std::string detail;           // cross-rate legs when not a direct rate, else ""

  static FxUse from_rate(const FxRate& rate);
};

// ---------------------------------------------------------------------------------------------
// research: demand notes and price bands of comparable catalog listings.

// Unit prices of comparable listings from one origin market, at the brief's quantity (the tier
// price that applies to it, listings with MOQ above the quantity excluded), converted to the
// buyer currency with dated FX. Quartiles by the nearest-rank method, so every figure is one
// listing's real price.
struct PriceBand {
  std::string market;  // ship-from country of the listings ("CN"), or "ALL" for every origin
  int listings = 0;    // how many listings the band is built from
  Money low;           // buyer currency, per unit
  Money p25;
  Money median;
  Money p75;
  Money high;
  std::vector<std::string> incoterms;  // terms the prices are quoted under: {"EXW", "FOB"}
};

struct ResearchSection {
  std::string query;          // product text searched (the brief's product)
  std::string query_lang;     // ISO 639-1 identified for it
  std::int64_t quantity = 0;  // the brief's quantity the tier prices are taken at (0: none)
  std::string currency;       // the buyer currency of every band
  std::int64_t comparable_listings = 0;  // listings in the bands (MOQ fit, price known)
  std::int64_t matches_estimated = 0;    // search matches before the cut
  std::vector<PriceBand> price_bands;    // "ALL" first, then origins by listings desc, code asc
  // Top category paths of the comparable listings with counts: "Home > Kitchen > Bottles (14)".
  std::vector<std::string> categories;
  // Deterministic observations for the owner: supply depth, price spread, the retail price as a
  // multiple of the median unit price, origins, MOQ range.
  std::vector<std::string> demand_notes;
  Date fx_date;       // the date FX conversions were taken at (the case's as-of)
  bool demo = false;  // true: the listings are the generated demo marketplace
};

// ---------------------------------------------------------------------------------------------
// sourcing: the shortlist of offers, normalised to the brief's quantity and currency.

struct ShortlistEntry {
  int rank = 0;             // 1 = best score
  std::string supplier_id;  // "DEMO-SUP-0042"
  std::string supplier_name;
  std::string supplier_country;  // ISO 3166-1: the origin of the goods
  std::string port;              // port of loading
  std::string product_id;
  std::string product_title;               // original listing title
  std::string title_lang;                  // its language
  std::vector<std::string> category_path;  // English, root first
  std::string declared_hs_code;            // the supplier's own HS code (digits), may be ""
  std::string offer_id;
  std::int64_t quantity = 0;  // the brief's quantity the price is taken at
  Money tier_price;           // per unit, offer currency, the tier that applies at `quantity`
  Money unit_price;           // the same in the buyer currency (equal when no FX needed)
  std::optional<FxUse> fx;    // the conversion used, when the currencies differ
  Money order_value;          // unit_price × quantity, buyer currency
  std::int64_t moq = 0;       // minimum order quantity, units
  int lead_time_days = 0;     // production until ready at the named place
  std::string incoterm;       // "FOB", "EXW", …
  std::string named_place;    // "Ningbo"
  bool samples = false;       // the supplier sends samples
  Date valid_until;           // the offer's validity
  std::vector<std::string> certifications;  // held by offer or supplier: "LFGB", "ISO 9001"
  std::vector<std::string> payment_terms;   // "T/T 30/70"
  Decimal on_time_rate;                     // supplier's share of orders delivered on time, 0..1
  Decimal defect_rate;                      // share of units returned defective, 0..1
  double score = 0;                         // blended search score, 0..1
  double text_score = 0;                    // relevance of the listing to the product text, 0..1
  double quality_score = 0;                 // supplier quality, 0..1
  std::string match_explanation;            // the search engine's explanation
  std::vector<std::string> matched_terms;   // "保温瓶 ← insulated bottle (glossary …)"
  std::vector<std::string> reasons_kept;    // why it is on the shortlist
};

struct RejectedOffer {
  std::string supplier_id;
  std::string supplier_name;
  std::string offer_id;
  std::string product_title;
  std::vector<std::string> reasons;  // "MOQ 5000 above the quantity 2000", "origin CN avoided"
};

struct SourcingSection {
  std::string query;
  std::string query_lang;
  std::int64_t quantity = 0;  // units of `unit`
  std::string unit;           // "pcs"
  std::string currency;       // buyer currency
  std::optional<Decimal> max_moq;
  std::vector<std::string> avoid_origins;            // ISO 3166-1
  std::vector<std::string> required_certifications;  // as the brief names them
  std::vector<std::string> query_terms;  // how the text was understood: "term ← words (via)"
  std::int64_t matches_estimated = 0;
  std::vector<ShortlistEntry> shortlist;  // best first, at most the task's "top" (default 5)
  std::vector<RejectedOffer> rejected;    // close matches dropped, with reasons
  Date fx_date;
  bool demo = false;
};

// ---------------------------------------------------------------------------------------------
// compliance: HS classification, requirements checklist, duty and import tax.

struct HsCandidateEntry {
  std::string hs6;                     // "961700"
  std::string hs10;                    // US statistical line when chosen, else ""
  double confidence = 0;               // calibrated probability, 0..1
  std::string description;             // HS 2022 subheading text
  std::vector<std::string> rationale;  // why, strongest first
};

// One supplier's standing on a requirement.
struct SupplierRequirementStatus {
  std::string supplier_id;
  std::string status;   // "held", "missing", "to_check"
  std::string held_as;  // the certificate that satisfied it, when held
};

struct RequirementEntry {
  std::string rule_id;      // "EU-FCM-1935"
  std::string requirement;  // "Food contact materials: general safety and traceability"
  std::string kind;         // conformity, certificate, test_report, labelling, registration, …
  std::string why;          // the matched condition: "food_contact (keyword 'bottle' in title)"
  std::string status;       // worst over the shortlist: "missing" > "to_check" > "held"
  std::vector<SupplierRequirementStatus> suppliers;
  std::string action;                 // what to do
  std::vector<std::string> evidence;  // certificate names the rule accepts: {"LFGB", …}
  std::string source;                 // "Regulation (EC) No 1935/2004"
  std::string source_title;
  std::string source_url;
  std::uint32_t line = 0;  // line in data/market_requirements.csv
};

// A duty or import-tax line for one origin, computed on the customs value of the order's goods
// alone (the FOB/EXW invoice at the brief's quantity, before freight and insurance, which
// finance adds in the full landed cost).
struct DutyTaxLine {
  std::string supplier_id;
  std::string origin;       // ISO 3166-1
  std::string kind;         // "duty", "additional_duty", "import_tax"
  std::string label;        // "Customs duty (MFN)", "Import VAT"
  std::string tariff_code;  // the tariff line used: "7323930010"
  std::string rate_text;    // "3.2%", "19%"
  Money base;               // what the rate applies to, customs currency
  Money amount;             // rounded per the rule, customs currency
  ProvenanceRecord provenance;
  std::optional<FxUse> fx;  // conversion of the goods value into the customs currency
};

// True for the requirement kinds a supplier's document satisfies (conformity, certificate,
// test_report, substances, cybersecurity); the others (registration, labelling, general_safety,
// transport, documentation) are the importer's own obligations, not evidence to request.
bool supplier_evidence_kind(std::string_view kind);

struct CertificationGap {
  std::string supplier_id;
  std::string rule_id;
  std::string requirement;
  std::string task_id;  // the task added to request evidence: "request_evidence.DEMO-SUP-0042"
};

struct ComplianceSection {
  std::string destination;      // ISO 3166-1
  std::string classified_text;  // the listing text the classifier saw (first shortlisted)
  std::vector<HsCandidateEntry> candidates;  // best first
  double threshold = 0;                      // classifier's escalation threshold
  std::string chosen_hs6;                    // "" while the question is open
  std::string chosen_reason;       // "classifier 0.91 ≥ 0.80", "answer to hs.code", "…"
  std::string open_question_id;    // "hs.code" when a human must choose, else ""
  std::string open_question;       // the separating question text
  std::vector<std::string> flags;  // product flags with reasons: "food_contact: keyword …"
  std::vector<RequirementEntry> requirements;  // rules-file order
  bool market_covered = false;              // false: only the "*" rules exist for the destination
  std::vector<DutyTaxLine> duty_tax_lines;  // per shortlisted supplier, duty then tax
  std::vector<CertificationGap> gaps;       // missing evidence → tasks added
  std::vector<std::string> warnings;        // e.g. "tariff data is the 2020 edition"
  Date as_of;
};

// ---------------------------------------------------------------------------------------------
// logistics: route options per shortlisted supplier × mode against the deadline.

// One charge of a route option (logistics/route.h RouteCostLine), in the buyer currency.
struct RouteChargeEntry {
  std::string charge;  // "freight", "origin", "destination"
  std::string label;   // "Ocean freight CN→EU, 3.6 w/m × 75.00 USD"
  Money amount;        // buyer currency (converted when the rate card's currency differs)
  Money quoted;        // as the rate card prices it (rounded half-up to its minor unit)
  bool minimum_applied = false;
  ProvenanceRecord provenance;  // the rate-card row
};

struct RouteOption {
  std::string supplier_id;
  std::string offer_id;
  std::string mode;                     // logistics::freight_mode_name: "sea_lcl", "sea_fcl_20",
                                        // "sea_fcl_40", "air", "express", "rail"
  std::string mode_label;               // "Sea freight, LCL"
  std::string origin_port;              // UN/LOCODE or IATA of the gateway used: "CNNGB", "PVG"
  std::string destination_port;         // "DEHAM", "FRA"
  Money cost;                           // freight and charges for the whole order, buyer currency
  Money cost_per_unit;                  // cost ÷ quantity, buyer currency, 4 decimals half-up
  std::vector<RouteChargeEntry> lines;  // what `cost` is made of
  int transit_days_min = 0;
  int transit_days = 0;        // ready at origin → in stock at destination, worst case
  int lead_time_days = 0;      // the offer's production lead time
  Date ready_date;             // as_of + lead time
  Date arrival;                // ready_date + transit_days
  bool on_time = true;         // arrival ≤ deadline (true when the brief has no deadline)
  int slack_days = 0;          // deadline − arrival (negative: late); 0 without a deadline
  bool pareto = false;         // on the cost/arrival Pareto front of all options (every
                               // supplier × mode): no other is both cheaper and earlier
  std::string shipment;        // "2000 pcs ≈ 700 kg, 3.2 m3 (estimate)"
  ProvenanceRecord rate_card;  // which rate card row priced it
  std::vector<std::string> notes;
};

struct LogisticsSection {
  std::string destination;
  std::optional<Date> deadline;
  Date as_of;
  std::string currency;              // buyer currency
  std::vector<RouteOption> options;  // by supplier rank, then cost ascending
  std::string rate_card;             // the card used: "builtin 2026" or a file name
  std::vector<std::string> notes;
};

// ---------------------------------------------------------------------------------------------
// finance: landed cost per supplier × mode, margin, cash flow, recommendation.

struct LandedCostLineEntry {
  std::string kind;  // trade::line_kind_name: "goods", "freight", "duty", "import_tax", …
  std::string label;
  Money amount;               // customs currency
  std::optional<Money> base;  // what a rate was applied to
  std::string rate_text;
  ProvenanceRecord provenance;
  bool estimate = false;  // an estimate the user should replace with a real figure
  int fx_index = -1;      // into LandedCostOption::fx, -1 if none
};

struct ChannelFeeEntry {
  std::string channel;  // "amazon"
  std::string label;    // "Referral fee 15%"
  Money amount;         // per unit, buyer currency
  ProvenanceRecord provenance;
};

struct LandedCostOption {
  std::string supplier_id;
  std::string offer_id;
  std::string mode;                  // as in RouteOption::mode
  std::string hs_code;               // the tariff line the duty came from
  Money total;                       // whole order delivered and cleared, customs currency
  Money per_unit;                    // total ÷ units, customs currency
  Money per_unit_net_of_import_tax;  // for a VAT-registered importer who recovers import VAT
  Money total_buyer;                 // total in the buyer currency
  Money per_unit_buyer;              // per unit in the buyer currency
  // per_unit_net_of_import_tax in the buyer currency (4 decimals half-up): what the ranking
  // compares, since a VAT-registered importer recovers import VAT (absent in older cases).
  std::optional<Money> per_unit_net_buyer;
  std::vector<LandedCostLineEntry> lines;
  std::vector<FxUse> fx;
  // Margin at the brief's target retail price (all optional: absent without a retail price).
  std::optional<Money> retail_price;       // gross, as the consumer pays, buyer currency
  std::optional<Money> retail_net_of_vat;  // retail ÷ (1 + VAT rate)
  std::vector<ChannelFeeEntry> channel_fees;
  std::optional<Money> margin_per_unit;  // net retail − channel fees − landed (net of VAT)
  std::optional<Decimal> margin_rate;    // margin ÷ net retail, 4 decimals
  std::optional<Money> order_margin;     // margin_per_unit × quantity
  bool on_time = true;
  std::optional<Date> arrival;
  std::vector<std::string> warnings;
};

struct CashFlowEntry {
  Date date;
  std::string label;  // "Deposit 30% to DEMO-SUP-0042", "Balance 70% at shipment", "Duty and VAT"
  Money amount;       // buyer currency, negative = money out
  Money balance;      // running total after this entry
  std::string basis;  // "payment terms T/T 30/70", "sell-through 500/month at 24.99"
};

// A certification the ranking requires of every supplier: a market rule that needs evidence
// (compliance checklist, status held or missing, never "to check"), or one the brief names.
struct RequiredCertification {
  std::string name;                   // as shown: the rule's first accepted name ("LFGB")
  std::vector<std::string> accepted;  // every name accepted as evidence
  std::string rule_id;                // "DE-LFGB"; "" when only the brief asks for it
  std::string requirement;            // the rule's text, or "named in the brief"
  std::string source;                 // the regulation: "LFGB §§ 30–31"; "brief" for the brief
  std::uint32_t line = 0;             // line in data/market_requirements.csv, 0 for the brief
};

// One part of a supplier score (trade::ScorePart): points are exact decimals out of max_points.
struct ScorePartEntry {
  std::string name;  // "cost", "time", "quality", "compliance"
  Decimal points;
  Decimal max_points;
  std::string explanation;  // "4.20 EUR per unit vs best 3.90 EUR: 40 × best / this = 37.14"
};

// A landed-cost option scored with trade::score_supplier. Scores here are exact decimal strings
// out of 100 (not the 0..1 numbers of search), since each part's explanation shows its arithmetic.
struct RankedOption {
  int rank = 0;  // 1 = recommended
  std::string supplier_id;
  std::string supplier_name;
  std::string offer_id;
  std::string mode;
  Decimal score;                      // sum of the parts, 0..100
  std::vector<ScorePartEntry> parts;  // cost, time, quality, compliance
  Money per_unit_buyer;               // landed cost per unit, buyer currency
  Money per_unit_net_buyer;           // the same net of import VAT: what the cost part compares
  int days_to_stock = 0;              // production + transit, from the order date
  std::optional<int> slack_days;      // deadline − arrival; absent without a deadline
  bool meets_deadline = true;
  std::vector<std::string> missing_certifications;  // RequiredCertification::name values
  std::vector<std::string> flags;  // "misses the deadline by 6 days", "no LFGB certificate or …"
  // "eligible" (in time, every certification held), "certification_gap" (in time, evidence
  // missing), "late": the ranking orders by this first, then by score.
  std::string standing;
  std::string versus_first;  // against rank 1: "2.1 % dearer, 9 days later; score 71.30 vs 84.12"
};

struct Alternative {
  std::string supplier_id;
  std::string supplier_name;
  std::string mode;
  Money per_unit_buyer;
  std::optional<Money> margin_per_unit;
  std::string why_not;           // "2.1 % dearer, 9 days later; score 71.30 vs 84.12"
  std::optional<Decimal> score;  // out of 100 (RankedOption::score)
};

struct Recommendation {
  std::string supplier_id;
  std::string supplier_name;
  std::string offer_id;
  std::string mode;
  Money per_unit_buyer;  // landed cost per unit, buyer currency
  std::optional<Money> margin_per_unit;
  std::optional<Decimal> margin_rate;
  std::optional<Decimal> score;  // out of 100 (RankedOption::score)
  std::vector<std::string> reasons;
  std::vector<Alternative> alternatives;  // next best other suppliers, best first
};

struct FinanceSection {
  std::string currency;  // buyer currency
  std::int64_t quantity = 0;
  std::vector<LandedCostOption> options;  // per supplier × mode
  // What the ranking held every supplier to, and every option scored, best first.
  std::vector<RequiredCertification> required_certifications;
  std::vector<RankedOption> ranking;
  std::optional<Recommendation> recommendation;  // absent when nothing is feasible
  std::vector<CashFlowEntry> cash_flow;          // of the recommended option, by date
  std::optional<Money> peak_cash_need;           // most negative balance, as a positive amount
  std::vector<std::string> notes;
  Date as_of;
};

// ---------------------------------------------------------------------------------------------
// listing: the marketplace listing draft in the destination's language.

struct ListingSection {
  std::string language;  // ISO 639-1 of the text: "de"
  std::string market;    // ISO 3166-1 destination
  std::string channel;   // the first sales channel of the brief, "" when none
  std::string title;
  std::vector<std::string> bullets;  // up to five; a fact not known is left out, never "—"
  std::string description;
  std::vector<std::string> keywords;           // search terms in `language`, most specific first
  std::vector<std::string> glossary_concepts;  // glossary ids the words came from
  std::vector<std::string> notes;              // claims to verify before publishing
};

// ---------------------------------------------------------------------------------------------
// negotiation: RFQs and money actions proposed (never executed by the agent).

struct RfqProposal {
  std::string rfq_id;  // "RFQ-<case-independent digest>": the action's reference
  std::string supplier_id;
  std::string supplier_name;
  std::string offer_id;
  std::int64_t quantity = 0;
  Money current_price;  // tier price at the quantity, offer currency
  Money target_price;   // asked price per unit, offer currency
  std::string basis;    // how the target was derived (margin goal, landed cost)
  std::string message;  // the RFQ text in the supplier's language or English
};

struct ProposedActionEntry {
  std::string kind;          // "rfq.send", "sample.order", "payment.deposit"
  std::string counterparty;  // supplier id
  std::optional<Money> amount;
  std::string reference;
  std::string reason;
};

struct NegotiationSection {
  std::optional<Decimal> margin_goal;  // target margin share of net retail, e.g. "0.35"
  std::vector<RfqProposal> rfqs;
  std::vector<ProposedActionEntry> actions;  // everything proposed, in proposal order
  std::vector<std::string> notes;
};

// ---------------------------------------------------------------------------------------------
// JSON

nlohmann::json to_json(const ProvenanceRecord& value);
nlohmann::json to_json(const FxUse& value);
nlohmann::json to_json(const ResearchSection& section);
nlohmann::json to_json(const SourcingSection& section);
nlohmann::json to_json(const ComplianceSection& section);
nlohmann::json to_json(const LogisticsSection& section);
nlohmann::json to_json(const FinanceSection& section);
nlohmann::json to_json(const ListingSection& section);
nlohmann::json to_json(const NegotiationSection& section);

StatusOr<ResearchSection> research_section_from_json(const nlohmann::json& json);
StatusOr<SourcingSection> sourcing_section_from_json(const nlohmann::json& json);
StatusOr<ComplianceSection> compliance_section_from_json(const nlohmann::json& json);
StatusOr<LogisticsSection> logistics_section_from_json(const nlohmann::json& json);
StatusOr<FinanceSection> finance_section_from_json(const nlohmann::json& json);
StatusOr<ListingSection> listing_section_from_json(const nlohmann::json& json);
StatusOr<NegotiationSection> negotiation_section_from_json(const nlohmann::json& json);

// Money JSON helpers shared by the agents: {"amount": "24.99", "currency": "EUR"}.
nlohmann::json money_to_json(const Money& money);
StatusOr<Money> money_from_json(const nlohmann::json& json, std::string_view field);

}  // namespace kontor::crew
