#include "crew/agent_compliance.h"

#include <algorithm>
#include <map>

#include "compliance/requirements.h"
#include "crew/agent_common.h"
#include "trade/landed_cost.h"

namespace kontor::crew {
namespace {

using detail::join;

constexpr std::string_view kHsQuestion = "hs.code";

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

// The product as the classifier sees it: the first shortlisted listing (all its titles,
// attributes, category path), else the brief's own words.
compliance::ProductText product_text(const Brief& brief, const SourcingSection* sourcing,
                                     const catalog::Catalog& catalog) {
  compliance::ProductText text;
  const catalog::Product* product = nullptr;
  if (sourcing != nullptr && !sourcing->shortlist.empty()) {
    product = catalog.product(sourcing->shortlist.front().product_id);
  }
  if (product == nullptr) {
    text.title = brief.product;
    return text;
  }
  text.title = product->title();
  for (std::size_t i = 1; i < product->titles.size(); ++i) {
    text.description += (text.description.empty() ? "" : " ") + product->titles[i].text;
  }
  for (const auto& d : product->descriptions) text.description += " " + d.text;
  for (const auto& [key, value] : product->attributes) text.attributes.emplace_back(key, value);
  text.category_path = product->category_path;
  return text;
}

// Answers to the HS questions: task param "answers" ({"hs.code": "961700"} or
// {"hs.main_material": "iron or steel"}), overlaid on the "answers" section of the case.
StatusOr<nlohmann::json> hs_answers(const TaskSpec& task, TaskContext& context) {
  nlohmann::json answers = nlohmann::json::object();
  ASSIGN_OR_RETURN(Section stored, context.read("answers"));
  if (stored.version > 0 && stored.body.is_object()) answers = stored.body;
  if (auto it = task.params.find("answers"); it != task.params.end() && it->is_object()) {
    for (const auto& [key, value] : it->items()) answers[key] = value;
  }
  return answers;
}

std::string answer_of(const nlohmann::json& answers, const std::string& id) {
  auto it = answers.find(id);
  return it != answers.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string confidence_text(double confidence) {
  return Decimal::from_scaled(static_cast<Decimal::Mantissa>(confidence * 100 + 0.5), 2)
      .to_string();
}

Status ask_hs(TaskContext& context, const compliance::Classification& result,
              const std::string& title, ComplianceSection& c) {
  Question q;
  q.field = result.question.field.empty() ? "hs_code" : result.question.field;
  q.id = q.field == "hs_code" ? std::string(kHsQuestion) : "hs." + q.field;
  q.text = result.question.text.empty() ? "Which HS subheading describes '" + title + "'?"
                                        : result.question.text;
  q.options = result.question.options;
  if (q.options.empty()) {
    for (const auto& candidate : c.candidates) {
      q.options.push_back(candidate.hs6 + " " + candidate.description);
    }
  }
  q.asked_by = "compliance";
  RETURN_IF_ERROR(context.ask(q));
  c.open_question_id = q.id;
  c.open_question = q.text;
  c.warnings.push_back("duty and tax use the leading candidate " + c.candidates.front().hs6 +
                       " until the question " + q.id + " is answered");
  return ok_status();
}

Status classify(const TaskSpec& task, TaskContext& context, const SourcingSection* sourcing,
                ComplianceSection& c) {
  const Engines& engines = context.engines();
  compliance::ProductText text =
      product_text(context.brief(), sourcing, engines.catalog->catalog());
  c.classified_text = text.title + (text.description.empty() ? "" : " / " + text.description);
  c.threshold = engines.classifier->options().escalation_threshold;
  ASSIGN_OR_RETURN(nlohmann::json answers, hs_answers(task, context));
  compliance::Classification result = engines.classifier->classify(text, 3);
  // An answer to the separating question is a fact about the goods: classify again with it.
  std::string fact = result.needs_human && !result.question.field.empty()
                         ? answer_of(answers, "hs." + result.question.field)
                         : std::string();
  if (!fact.empty()) {
    text.attributes.emplace_back(result.question.field, fact);
    result = engines.classifier->classify(text, 3);
  }
  for (const auto& candidate : result.candidates) {
    c.candidates.push_back({candidate.hs6, candidate.hs10, candidate.confidence,
                            candidate.description, candidate.rationale});
  }
  if (c.candidates.empty()) return failed_precondition("hs classifier: no candidate");
  std::string code = digits_of(answer_of(answers, std::string(kHsQuestion)));
  if (code.size() >= 6) {
    c.chosen_hs6 = code.substr(0, 6);
    c.chosen_reason = "answer to " + std::string(kHsQuestion) + ": " + code;
  } else if (!fact.empty()) {
    c.chosen_hs6 = c.candidates.front().hs6;
    c.chosen_reason = "classifier after the answer " + result.question.field + " = " + fact +
                      " (confidence " + confidence_text(c.candidates.front().confidence) + ")";
  } else if (!result.needs_human) {
    c.chosen_hs6 = c.candidates.front().hs6;
    c.chosen_reason = "classifier confidence " + confidence_text(c.candidates.front().confidence) +
                      " ≥ threshold " + confidence_text(c.threshold);
  } else {
    RETURN_IF_ERROR(ask_hs(context, result, text.title, c));
  }
  return ok_status();
}

// The national tariff line for an HS6 at the destination: the single line under it, else the
// supplier's declared code when it resolves under it, else the first line (rates may differ:
// warned).
StatusOr<std::string> tariff_code(const Engines& engines, CountryCode destination, Date date,
                                  const std::string& hs6, const std::string& declared,
                                  std::vector<std::string>& warnings) {
  ASSIGN_OR_RETURN(const refdata::TariffSchedule* schedule,
                   engines.reference->tariff_for(destination, date));
  auto line = schedule->resolve(hs6);
  if (line.ok()) return (*line)->code;
  if (!declared.empty() && declared.starts_with(hs6)) {
    auto d = schedule->resolve(declared);
    if (d.ok()) return (*d)->code;
  }
  for (const refdata::TariffLine* l : schedule->lines_under(hs6)) {
    if (l->general_rate.empty()) continue;
    warnings.push_back(line.status().message() + "; using " + l->display_code +
                       " (confirm the national line)");
    return l->code;
  }
  return line.status();
}

void add_duty_lines(const Engines& engines, const Brief& brief, const ShortlistEntry& entry,
                    const std::string& code, Date date, std::int64_t units, ComplianceSection& c) {
  trade::LandedCostRequest request;
  request.hs_code = code;
  auto origin = CountryCode::parse(entry.supplier_country);
  if (!origin.ok()) return;
  request.origin = *origin;
  request.destination = *brief.destination;
  request.goods_value = entry.tier_price * Decimal(entry.quantity);
  request.incoterm =
      parse_incoterm(entry.incoterm).ok() ? *parse_incoterm(entry.incoterm) : Incoterm::kFOB;
  // Goods value only: carriage is set to an explicit zero here; finance prices it.
  for (auto& cost : request.costs) cost = Money::zero(entry.tier_price.currency());
  request.units = Quantity(Decimal(units > 0 ? units : entry.quantity), Unit::kPiece);
  request.as_of = date;
  auto quote = trade::quote_landed_cost(*engines.reference, request);
  if (!quote.ok()) {
    c.warnings.push_back(entry.supplier_id + ": duty not computed: " + quote.status().message());
    return;
  }
  for (const trade::CostLine& line : quote->cost) {
    if (line.kind != trade::LineKind::kDuty && line.kind != trade::LineKind::kAdditionalDuty &&
        line.kind != trade::LineKind::kImportTax) {
      continue;
    }
    DutyTaxLine d;
    d.supplier_id = entry.supplier_id;
    d.origin = entry.supplier_country;
    d.kind = line.kind == trade::LineKind::kImportTax ? "import_tax"
             : line.kind == trade::LineKind::kDuty    ? "duty"
                                                      : "additional_duty";
    d.label = std::string(line.label);
    d.tariff_code = code;
    d.rate_text = std::string(line.rate_text);
    d.base = line.base.value_or(Money::zero(line.amount.currency()));
    d.amount = line.amount;
    d.provenance = ProvenanceRecord::from(line.provenance);
    if (!quote->fx.empty()) d.fx = FxUse::from_rate(quote->fx.front());
    c.duty_tax_lines.push_back(std::move(d));
  }
  for (const auto& w : quote->treatment.warnings) {
    if (std::find(c.warnings.begin(), c.warnings.end(), w) == c.warnings.end()) {
      c.warnings.push_back(w);
    }
  }
}

int severity(compliance::RequirementStatus s) {
  switch (s) {
    case compliance::RequirementStatus::kMissing: return 2;
    case compliance::RequirementStatus::kToCheck: return 1;
    case compliance::RequirementStatus::kHeld: return 0;
  }
  return 0;
}

Status requirements(TaskContext& context, const SourcingSection& sourcing, const std::string& hs6,
                    ComplianceSection& c) {
  const Engines& engines = context.engines();
  const catalog::Catalog& cat = engines.catalog->catalog();
  std::map<std::string, std::size_t> index;  // rule id → position in c.requirements
  std::map<std::string, int> worst;
  for (const auto& entry : sourcing.shortlist) {
    compliance::ProductDescription d;
    const catalog::Product* product = cat.product(entry.product_id);
    d.title = entry.product_title;
    if (product != nullptr) {
      for (const auto& t : product->titles) d.description += t.text + " ";
      d.attributes = product->attributes;
    }
    d.hs_code = hs6;
    d.certificates = entry.certifications;
    ASSIGN_OR_RETURN(compliance::ProductFacts facts, engines.requirements->facts(d));
    if (c.flags.empty()) {
      for (const auto& f : facts.flags()) {
        c.flags.push_back(std::string(compliance::product_flag_name(f.flag)) + ": " + f.reason);
      }
    }
    ASSIGN_OR_RETURN(
        compliance::Checklist list,
        engines.requirements->checklist(facts, *context.brief().destination, context.as_of()));
    c.market_covered = list.market_covered;
    std::vector<std::string> missing;
    for (const auto& item : list.items) {
      auto [it, inserted] = index.emplace(item.rule.id, c.requirements.size());
      if (inserted) {
        c.requirements.push_back({item.rule.id,
                                  item.rule.requirement,
                                  item.rule.kind,
                                  item.why,
                                  "",
                                  {},
                                  item.rule.action,
                                  item.rule.evidence,
                                  item.rule.source,
                                  item.rule.source_title,
                                  item.rule.source_url,
                                  item.rule.line});
      }
      RequirementEntry& r = c.requirements[it->second];
      r.suppliers.push_back({entry.supplier_id,
                             std::string(compliance::requirement_status_name(item.status)),
                             item.held_as});
      if (inserted || severity(item.status) > worst[item.rule.id]) {
        worst[item.rule.id] = severity(item.status);
        r.status = std::string(compliance::requirement_status_name(item.status));
      }
      // A registration or label is the importer's to do: no evidence to ask the supplier for.
      if (item.status == compliance::RequirementStatus::kMissing &&
          supplier_evidence_kind(item.rule.kind)) {
        missing.push_back(item.rule.requirement);
        c.gaps.push_back({entry.supplier_id, item.rule.id, item.rule.requirement,
                          "request_evidence." + entry.supplier_id});
      }
    }
    if (!missing.empty()) {
      TaskSpec t;
      t.id = "request_evidence." + entry.supplier_id;
      t.agent = "negotiation";
      t.after = {"compliance"};
      t.title = "Request test reports from " + entry.supplier_name;
      t.params = {{"kind", "request_evidence"},
                  {"supplier_id", entry.supplier_id},
                  {"supplier_name", entry.supplier_name},
                  {"requirements", missing}};
      RETURN_IF_ERROR(context.add_task(t));
    }
  }
  return ok_status();
}

}  // namespace

Status ComplianceAgent::run(const TaskSpec& task, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (!brief.destination) return failed_precondition("brief.destination: no market to check");
  ASSIGN_OR_RETURN(
      std::optional<SourcingSection> sourcing,
      detail::read_typed<SourcingSection>(context, kSourcingSection, sourcing_section_from_json));
  detail::PricingDate pricing = detail::pricing_date(engines, context.as_of());
  ComplianceSection c;
  c.destination = std::string(brief.destination->code());
  c.as_of = context.as_of();
  RETURN_IF_ERROR(classify(task, context, sourcing ? &*sourcing : nullptr, c));
  if (!pricing.note.empty()) c.warnings.push_back(pricing.note);
  const std::string hs6 = c.chosen_hs6.empty() ? c.candidates.front().hs6 : c.chosen_hs6;
  if (!sourcing || sourcing->shortlist.empty()) {
    c.warnings.push_back("no shortlisted supplier: requirements and duty need a sourced offer");
    return detail::write_owned(context, kComplianceSection, to_json(c));
  }
  RETURN_IF_ERROR(requirements(context, *sourcing, hs6, c));
  std::int64_t units = detail::order_units(brief);
  for (const auto& entry : sourcing->shortlist) {
    auto code = tariff_code(engines, *brief.destination, pricing.date, hs6, entry.declared_hs_code,
                            c.warnings);
    if (!code.ok()) {
      c.warnings.push_back(entry.supplier_id + ": " + code.status().message());
      continue;
    }
    add_duty_lines(engines, brief, entry, *code, pricing.date, units, c);
  }
  std::vector<std::string> unique;
  for (auto& w : c.warnings) {
    if (std::find(unique.begin(), unique.end(), w) == unique.end()) unique.push_back(std::move(w));
  }
  c.warnings = std::move(unique);
  return detail::write_owned(context, kComplianceSection, to_json(c));
}

}  // namespace kontor::crew
