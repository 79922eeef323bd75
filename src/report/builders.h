// Internal: one builder per report section, each reading the case JSON (crew/sections.h forms)
// and returning format-neutral blocks. A builder returns no section when its data is absent.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "report/case_view.h"
#include "report/document.h"
#include "report/json_text.h"

namespace kontor::report::detail {

// What several builders need: the case, supplier names by id, the buyer currency.
struct BuildContext {
  explicit BuildContext(const CaseView& view);

  const json& section(std::string_view name) const;  // null when absent
  // "Ningbo Homeware Co. (DEMO-SUP-0042)", or the id alone when the name is unknown.
  std::string supplier(const std::string& id) const;
  std::string supplier_name(const std::string& id) const;  // the name, else the id

  const CaseView& view;
  std::map<std::string, std::string> names;  // supplier id → name
  std::string currency;                      // buyer currency, may be empty
};

// "sea_lcl" → "Sea LCL".
std::string mode_name(const std::string& mode);
// One line for a provenance record: its summary, else "file line N [key] 'text'; rule".
std::string provenance_text(const json& provenance);
// "1 USD = 0.9213 EUR on 2026-11-20 (ecb_fx …)", "" for null.
std::string fx_text(const json& fx);
// "0.2710" → "27.1 %" exactly; "" when not a decimal.
std::string percent_text(const json& share);
Cell num(std::string text);
// Requirement kinds a supplier's document satisfies (crew::supplier_evidence_kind: conformity,
// certificate, test_report, substances, cybersecurity); the rest are the importer's to do.
bool supplier_evidence_kind(const std::string& kind);

std::optional<ReportSection> summary_section(const BuildContext& context);
std::optional<ReportSection> brief_section(const BuildContext& context);
std::optional<ReportSection> recommendation_section(const BuildContext& context);
std::optional<ReportSection> ranking_section(const BuildContext& context);
std::optional<ReportSection> suppliers_section(const BuildContext& context);
std::optional<ReportSection> research_section(const BuildContext& context);
std::optional<ReportSection> landed_cost_section(const BuildContext& context);
std::optional<ReportSection> classification_section(const BuildContext& context);
std::optional<ReportSection> duty_tax_section(const BuildContext& context);
std::optional<ReportSection> certifications_section(const BuildContext& context);
std::optional<ReportSection> logistics_section(const BuildContext& context);
std::optional<ReportSection> margin_cash_section(const BuildContext& context);
std::optional<ReportSection> listing_section(const BuildContext& context);
std::optional<ReportSection> negotiation_section(const BuildContext& context);
std::optional<ReportSection> questions_section(const BuildContext& context);
std::optional<ReportSection> approvals_section(const BuildContext& context);
std::optional<ReportSection> journal_section(const BuildContext& context);
// Any JSON body as facts and tables (sections this report does not know yet).
ReportSection generic_section(const std::string& name, const json& body);

}  // namespace kontor::report::detail
