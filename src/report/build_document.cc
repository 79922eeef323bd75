// build_document(): the reading order of the report, the shared helpers of the section
// builders, and the sections about the case itself (summary, brief, questions, approvals,
// journal, and the generic view of sections this report does not know).
#include <algorithm>
#include <set>

#include "report/builders.h"

namespace kontor::report {

Block paragraph(std::string text, std::string css_class) {
  return Block{
      .kind = Block::Kind::kParagraph, .text = std::move(text), .css_class = std::move(css_class)};
}
Block facts(std::vector<std::pair<std::string, std::string>> facts) {
  return Block{.kind = Block::Kind::kFacts, .facts = std::move(facts)};
}
Block table(Table table) { return Block{.kind = Block::Kind::kTable, .table = std::move(table)}; }
Block list(std::vector<std::string> items, std::string css_class) {
  return Block{
      .kind = Block::Kind::kList, .css_class = std::move(css_class), .items = std::move(items)};
}
Block chart(std::string svg, std::string caption) {
  return Block{.kind = Block::Kind::kChart, .text = std::move(caption), .svg = std::move(svg)};
}

namespace detail {

BuildContext::BuildContext(const CaseView& v) : view(v) {
  for (const json& entry : member(section("sourcing"), "shortlist")) {
    names[text(entry, "supplier_id")] = text(entry, "supplier_name");
  }
  for (const json& entry : member(section("sourcing"), "rejected")) {
    names.emplace(text(entry, "supplier_id"), text(entry, "supplier_name"));
  }
  for (const char* name : {"finance", "sourcing", "logistics", "research"}) {
    if (currency.empty()) currency = text(section(name), "currency");
  }
}

const json& BuildContext::section(std::string_view name) const {
  auto it = view.sections.find(std::string(name));
  static const json kNull;
  return it == view.sections.end() ? kNull : it->second;
}

std::string BuildContext::supplier_name(const std::string& id) const {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second;
}

std::string BuildContext::supplier(const std::string& id) const {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? id : it->second + " (" + id + ")";
}

std::string mode_name(const std::string& mode) {
  static const std::map<std::string, std::string> kNames = {{"sea_lcl", "Sea LCL"},
                                                            {"sea_fcl", "Sea FCL"},
                                                            {"sea_fcl_20", "Sea FCL 20'"},
                                                            {"sea_fcl_40", "Sea FCL 40'"},
                                                            {"air", "Air"},
                                                            {"express", "Express"},
                                                            {"rail", "Rail"},
                                                            {"road", "Road"},
                                                            {"sea", "Sea"},
                                                            {"courier", "Courier"}};
  auto it = kNames.find(mode);
  return it == kNames.end() ? humanize(mode) : it->second;
}

std::string provenance_text(const json& p) {
  if (!text(p, "summary").empty()) return text(p, "summary");
  std::string out = text(p, "file").empty() ? text(p, "source") : text(p, "file");
  if (const json& line = member(p, "line"); line.is_number_integer() && line.get<int>() > 0) {
    out += " line " + text(line);
  }
  if (!text(p, "key").empty()) out += (out.empty() ? "[" : " [") + text(p, "key") + "]";
  if (!text(p, "text").empty()) out += (out.empty() ? "'" : " '") + text(p, "text") + "'";
  if (!text(p, "rule").empty()) out += (out.empty() ? "rule: " : "; rule: ") + text(p, "rule");
  return out;
}

std::string fx_text(const json& fx) {
  if (!fx.is_object()) return "";
  std::string out = "1 " + text(fx, "from") + " = " + text(fx, "rate") + " " + text(fx, "to") +
                    " on " + text(fx, "date");
  const std::string source = text(at(fx, {"provenance", "file"}));
  if (!source.empty()) out += " (" + source + ")";
  return out;
}

std::string percent_text(const json& share) {
  if (!share.is_string()) return "";
  std::optional<Decimal> d = decimal(share);
  if (!d) return "";
  return (*d * Decimal(100)).to_plain_string() + " %";
}

bool supplier_evidence_kind(const std::string& kind) {
  return kind == "conformity" || kind == "certificate" || kind == "test_report" ||
         kind == "substances" || kind == "cybersecurity";
}

Cell num(std::string text) { return Cell{.text = std::move(text), .numeric = true}; }

std::optional<ReportSection> summary_section(const BuildContext& c) {
  ReportSection s{.id = "summary", .title = "Summary"};
  const json& rec = member(c.section("finance"), "recommendation");
  std::vector<std::pair<std::string, std::string>> f;
  if (rec.is_object()) {
    s.blocks.push_back(paragraph(
        "Recommended: " + c.supplier(text(rec, "supplier_id")) + ", " +
            mode_name(text(rec, "mode")) + ", landed cost " + text(rec, "per_unit_buyer") +
            " per unit" +
            (rec.contains("margin_per_unit")
                 ? ", margin " + text(rec, "margin_per_unit") + " per unit (" +
                       percent_text(member(rec, "margin_rate")) + ")"
                 : "") +
            (rec.contains("score") ? ", supplier score " + text(rec, "score") + " of 100" : "") +
            ".",
        "recommended"));
  } else if (!c.section("finance").is_null()) {
    s.blocks.push_back(
        paragraph("No supplier and shipping option meets the brief yet.", "warning"));
  }
  if (const json& peak = member(c.section("finance"), "peak_cash_need"); !peak.is_null()) {
    f.emplace_back("Peak cash need", text(peak));
  }
  if (!c.section("compliance").is_null()) {
    // For the recommended supplier when there is one: the other suppliers' gaps do not block.
    // A registration, label or safety check is the importer's own to do, whoever supplies.
    const std::string chosen = rec.is_object() ? text(rec, "supplier_id") : "";
    std::size_t missing = 0, own = 0;
    for (const json& r : member(c.section("compliance"), "requirements")) {
      std::string status = text(r, "status");
      if (!supplier_evidence_kind(text(r, "kind"))) {
        own += status == "missing" || status == "to_check" ? 1 : 0;
        continue;
      }
      for (const json& sup : member(r, "suppliers")) {
        if (!chosen.empty() && text(sup, "supplier_id") == chosen) status = text(sup, "status");
      }
      if (status == "missing") ++missing;
    }
    f.emplace_back(chosen.empty() ? "Certificates and test reports missing"
                                  : "Certificates and test reports missing (recommended supplier)",
                   std::to_string(missing));
    f.emplace_back("Registrations, labels and checks for the importer", std::to_string(own));
  }
  f.emplace_back("Open questions", std::to_string(c.view.questions.size()));
  f.emplace_back("Pending approvals", std::to_string(c.view.actions.size()));
  if (!c.view.status.empty()) f.emplace_back("Case status", c.view.status);
  s.blocks.push_back(facts(std::move(f)));
  return s;
}

namespace {

// crew::sales_channel_name values as people write them.
std::string channels_text(const json& channels) {
  static const std::map<std::string, std::string> kNames = {
      {"amazon", "Amazon"},      {"shopify", "Shopify"}, {"tiktok_shop", "TikTok Shop"},
      {"ebay", "eBay"},          {"etsy", "Etsy"},       {"wholesale", "Wholesale"},
      {"own_store", "Own store"}};
  std::string out;
  for (const json& channel : channels) {
    auto it = kNames.find(text(channel));
    out += (out.empty() ? "" : ", ") + (it == kNames.end() ? text(channel) : it->second);
  }
  return out;
}

}  // namespace

std::optional<ReportSection> brief_section(const BuildContext& c) {
  const json& b = c.view.brief;
  ReportSection s{.id = "brief", .title = "Brief"};
  static const std::pair<const char*, const char*> kFields[] = {
      {"goal", "Goal"},
      {"product", "Product"},
      {"quantity", "Quantity"},
      {"destination", "Destination"},
      {"target_retail_price", "Target retail price (per unit, incl. VAT)"},
      {"target_landed_cost", "Target landed cost (per unit)"},
      {"budget", "Budget"},
      {"deadline", "In stock by"},
      {"channels", "Sales channels"},
      {"required_certifications", "Required certifications"},
      {"avoid_origins", "Origins to avoid"},
      {"preferred_origins", "Preferred origins"},
      {"max_moq", "Largest acceptable MOQ"},
      {"language", "Language of the goal"}};
  std::vector<std::pair<std::string, std::string>> f;
  std::set<std::string> shown = {"questions"};
  for (const auto& [key, label] : kFields) {
    shown.insert(key);
    const std::string value =
        std::string(key) == "channels" ? channels_text(member(b, key)) : text(b, key);
    if (!value.empty()) f.emplace_back(label, value);
  }
  for (const auto& [key, value] : b.items()) {
    if (!shown.count(key) && !text(value).empty()) f.emplace_back(humanize(key), text(value));
  }
  if (f.empty())
    s.blocks.push_back(paragraph("The case has no brief yet.", "note"));
  else
    s.blocks.push_back(facts(std::move(f)));
  return s;
}

std::optional<ReportSection> questions_section(const BuildContext& c) {
  ReportSection s{.id = "questions", .title = "Open questions"};
  if (c.view.questions.empty()) {
    s.blocks.push_back(paragraph("No open questions.", "note"));
    return s;
  }
  Table t{.caption = "Questions waiting for your answer (kontor answer CASE ID VALUE)",
          .headers = {"Question", "About", "Options", "Asked by", "Id"}};
  for (const json& q : c.view.questions) {
    t.rows.push_back({{text(q, "text")},
                      {text(q, "field")},
                      {text(q, "options")},
                      {text(q, "asked_by")},
                      {text(q, "id")}});
  }
  s.blocks.push_back(table(std::move(t)));
  return s;
}

std::optional<ReportSection> approvals_section(const BuildContext& c) {
  ReportSection s{.id = "approvals", .title = "Pending approvals"};
  if (c.view.actions.empty()) {
    s.blocks.push_back(paragraph("Nothing is waiting for approval.", "note"));
    return s;
  }
  Table t{.caption = "Actions waiting for approval (kontor approve / kontor deny)",
          .headers = {"Action", "Counterparty", "Amount", "Reference", "Reason", "State", "Id"}};
  for (const json& a : c.view.actions) {
    t.rows.push_back({{text(a, "kind")},
                      {c.supplier(text(a, "counterparty"))},
                      num(text(a, "amount")),
                      {text(a, "reference")},
                      {text(a, "reason")},
                      {text(a, "state")},
                      {text(a, "id")}});
  }
  s.blocks.push_back(table(std::move(t)));
  return s;
}

std::optional<ReportSection> journal_section(const BuildContext& c) {
  if (!c.view.events.is_object() || c.view.events.empty()) return std::nullopt;
  ReportSection s = generic_section("journal", c.view.events);
  s.id = "journal";
  s.title = "Case journal";
  return s;
}

namespace {

bool is_amount(const json& j) {
  return j.is_object() && j.size() == 2 &&
         ((j.contains("amount") && j.contains("currency")) ||
          (j.contains("value") && j.contains("unit")));
}

void add_generic(const std::string& label, const json& value, int depth,
                 std::vector<std::pair<std::string, std::string>>& f, std::vector<Block>& tables) {
  const bool object_array = value.is_array() && !value.empty() && value[0].is_object();
  if (object_array) {
    std::vector<std::string> keys;  // columns in first-seen order, at most 8
    for (const json& row : value) {
      if (!row.is_object()) continue;
      for (const auto& [key, unused] : row.items()) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end() && keys.size() < 8) {
          keys.push_back(key);
        }
      }
    }
    Table t{.caption = label, .row_headers = false};
    for (const std::string& key : keys) t.headers.push_back(humanize(key));
    for (const json& row : value) {
      std::vector<Cell> cells;
      for (const std::string& key : keys) cells.push_back({text(member(row, key))});
      t.rows.push_back(std::move(cells));
    }
    tables.push_back(table(std::move(t)));
  } else if (value.is_object() && !is_amount(value) && depth < 1) {
    for (const auto& [key, item] : value.items()) {
      add_generic(label + " › " + humanize(key), item, depth + 1, f, tables);
    }
  } else if (!text(value).empty()) {
    f.emplace_back(label, text(value));
  }
}

}  // namespace

ReportSection generic_section(const std::string& name, const json& body) {
  ReportSection s{.id = "section-" + name, .title = humanize(name)};
  std::vector<std::pair<std::string, std::string>> f;
  std::vector<Block> tables;
  if (body.is_object()) {
    for (const auto& [key, value] : body.items()) {
      if (key != "schema") add_generic(humanize(key), value, 0, f, tables);
    }
  } else {
    f.emplace_back("Value", text(body));
  }
  if (!f.empty()) s.blocks.push_back(facts(std::move(f)));
  for (Block& t : tables) s.blocks.push_back(std::move(t));
  if (s.blocks.empty()) s.blocks.push_back(paragraph("(empty)", "note"));
  return s;
}

}  // namespace detail

ReportDocument build_document(const CaseView& view) {
  using namespace detail;  // NOLINT: the builders
  const BuildContext context(view);
  ReportDocument document;
  std::string product = text(view.brief, "product");
  if (!product.empty() && product[0] >= 'a' && product[0] <= 'z') {
    product[0] = static_cast<char>(product[0] - 'a' + 'A');
  }
  const std::string destination = text(view.brief, "destination");
  document.title = !view.title.empty() ? view.title
                   : product.empty()   ? "Kontor case " + view.case_id
                                     : product + (destination.empty() ? "" : " → " + destination);
  document.subtitle = "Case " + view.case_id +
                      (view.as_of.empty() ? "" : " · as of " + view.as_of) +
                      (view.status.empty() ? "" : " · " + view.status);
  using Builder = std::optional<ReportSection> (*)(const BuildContext&);
  static constexpr Builder kBuilders[] = {
      summary_section,     brief_section,       recommendation_section, ranking_section,
      landed_cost_section, duty_tax_section,    classification_section, certifications_section,
      logistics_section,   margin_cash_section, suppliers_section,      research_section,
      listing_section,     negotiation_section, questions_section,      approvals_section};
  for (Builder builder : kBuilders) {
    if (std::optional<ReportSection> section = builder(context)) {
      document.sections.push_back(std::move(*section));
    }
  }
  static const std::set<std::string> kKnown = {"research", "sourcing", "compliance", "logistics",
                                               "finance",  "listing",  "negotiation"};
  for (const auto& [name, body] : view.sections) {
    if (!kKnown.count(name)) document.sections.push_back(generic_section(name, body));
  }
  if (std::optional<ReportSection> journal = journal_section(context)) {
    document.sections.push_back(std::move(*journal));
  }
  return document;
}

}  // namespace kontor::report
