#include "crew/agent_finance.h"

#include <algorithm>
#include <map>

#include "crew/agent_common.h"
#include "crew/supplier_ranking.h"
#include "trade/cash_flow.h"
#include "trade/landed_cost.h"
#include "trade/margin.h"

namespace kontor::crew {
namespace {

using detail::join;

// A goal that names no sales channel still gets a margin after marketplace fees: Amazon's, the
// marketplace most small importers start on and among the costlier ones, so the margin is not
// flattered. The finance notes say so; `channels` in the brief changes it.
constexpr std::string_view kAssumedChannel = "amazon";

struct Inputs {
  const Brief& brief;
  const Engines& engines;
  Date pricing;
  Currency buyer;
  std::int64_t units;
  Decimal insurance_rate;
};

trade::TransportMode transport_mode(std::string_view mode) {
  if (mode == "air") return trade::TransportMode::kAir;
  if (mode == "express") return trade::TransportMode::kCourier;
  if (mode == "rail") return trade::TransportMode::kRail;
  return trade::TransportMode::kSea;
}

// The tariff line compliance used for this supplier, else its HS6 (chosen or leading).
std::string hs_code_for(const ComplianceSection* c, const std::string& supplier_id) {
  if (c == nullptr) return "";
  for (const auto& line : c->duty_tax_lines) {
    if (line.supplier_id == supplier_id) return line.tariff_code;
  }
  if (!c->chosen_hs6.empty()) return c->chosen_hs6;
  return c->candidates.empty() ? "" : c->candidates.front().hs6;
}

// Route charges by cost element, in the buyer currency.
void add_route_costs(const RouteOption& route, trade::LandedCostRequest& request) {
  std::map<trade::CostElement, Money> sums;
  for (const auto& line : route.lines) {
    trade::CostElement e = line.charge == "origin"        ? trade::CostElement::kOriginCharges
                           : line.charge == "destination" ? trade::CostElement::kDestinationDelivery
                                                          : trade::CostElement::kFreight;
    auto it = sums.find(e);
    if (it == sums.end())
      sums.emplace(e, line.amount);
    else
      it->second += line.amount;
  }
  for (auto& cost : request.costs) cost = Money::zero(route.cost.currency());
  for (const auto& [element, amount] : sums) request.costs[static_cast<int>(element)] = amount;
}

// Carriage reaches the landed-cost engine as amounts; its provenance is the rate card's rows.
void cite_rate_card(const RouteOption& route, LandedCostLineEntry& line) {
  std::string_view charge = line.kind == "freight"                ? "freight"
                            : line.kind == "origin_charges"       ? "origin"
                            : line.kind == "destination_delivery" ? "destination"
                                                                  : "";
  if (charge.empty()) return;
  std::vector<std::string> rows;
  for (const auto& r : route.lines) {
    if (r.charge != charge) continue;
    if (line.provenance.file.empty()) line.provenance = r.provenance;
    rows.push_back(r.label + " (" + r.provenance.file + " line " +
                   std::to_string(r.provenance.line) + ")");
  }
  if (!rows.empty()) {
    line.provenance.summary = join(rows, "; ");
    line.rate_text = route.mode;
  }
}

// The channel the margin is computed for: the brief's first, else Amazon (see kAssumedChannel).
std::string margin_channel(const Brief& brief) {
  return brief.channels.empty() ? std::string(kAssumedChannel)
                                : std::string(sales_channel_name(brief.channels.front()));
}

StatusOr<trade::MarginResult> margin(const Inputs& in, const Money& landed_net) {
  if (in.engines.channel_fees == nullptr) return failed_precondition("no channel-fee table");
  trade::MarginRequest request;
  request.sale.channel = margin_channel(in.brief);
  request.sale.market = *in.brief.destination;
  request.sale.market_group =
      std::string(in.engines.reference->countries.customs_union(*in.brief.destination, in.pricing));
  request.sale.price = *in.brief.target_retail_price;
  request.sale.as_of = in.pricing;
  request.landed_cost_per_unit = landed_net;
  std::string_view market = in.brief.destination->code();
  request.price_includes_vat = !(market == "US" || market == "CA");
  return trade::compute_margin(in.engines.reference->vat, *in.engines.channel_fees, request);
}

void fill_margin(const Inputs& in, const trade::MarginResult& m, LandedCostOption& o) {
  o.retail_price = m.retail_price;
  o.retail_net_of_vat = m.net_revenue;
  for (const auto& line : m.fees.lines) {
    o.channel_fees.push_back(
        {m.fees.channel, line.label, line.amount, ProvenanceRecord::from(line.provenance)});
  }
  o.margin_per_unit = m.contribution;
  o.margin_rate =
      Decimal::divide(m.margin_percent, Decimal(100), 4, RoundingMode::kHalfEven).value();
  o.order_margin = m.contribution * Decimal(in.units);
}

StatusOr<LandedCostOption> price_option(const Inputs& in, const ShortlistEntry& entry,
                                        const RouteOption& route, const std::string& hs) {
  trade::LandedCostRequest request;
  request.hs_code = hs;
  ASSIGN_OR_RETURN(request.origin, CountryCode::parse(entry.supplier_country));
  request.destination = *in.brief.destination;
  request.goods_value = entry.tier_price * Decimal(entry.quantity);
  ASSIGN_OR_RETURN(request.incoterm, parse_incoterm(entry.incoterm));
  add_route_costs(route, request);
  request.costs[static_cast<int>(trade::CostElement::kInsurance)].reset();
  request.insurance_rate = in.insurance_rate;
  request.units = Quantity(Decimal(entry.quantity), Unit::kPiece);
  request.mode = transport_mode(route.mode);
  request.as_of = in.pricing;
  request.buyer_currency = in.buyer;
  ASSIGN_OR_RETURN(trade::LandedCostQuote q,
                   trade::quote_landed_cost(*in.engines.reference, request));
  LandedCostOption o;
  o.supplier_id = entry.supplier_id;
  o.offer_id = entry.offer_id;
  o.mode = route.mode;
  o.hs_code = hs;
  o.total = q.cost.total;
  o.per_unit = q.cost.per_unit;
  o.per_unit_net_of_import_tax = q.cost.per_unit_net_of_import_tax;
  o.total_buyer = q.total_buyer;
  o.per_unit_buyer = q.per_unit_buyer;
  for (const trade::CostLine& line : q.cost) {
    o.lines.push_back({std::string(trade::line_kind_name(line.kind)), std::string(line.label),
                       line.amount, line.base, std::string(line.rate_text),
                       ProvenanceRecord::from(line.provenance), line.estimate, line.fx_index});
    cite_rate_card(route, o.lines.back());
  }
  for (const auto& rate : q.fx) o.fx.push_back(FxUse::from_rate(rate));
  if (q.buyer_fx) o.fx.push_back(FxUse::from_rate(*q.buyer_fx));
  o.on_time = route.on_time;
  o.arrival = route.arrival;
  o.warnings = q.treatment.warnings;
  Money net = q.cost.per_unit_net_of_import_tax;
  if (q.buyer_fx) net = convert(net, *q.buyer_fx).rounded_to(4, RoundingMode::kHalfUp);
  o.per_unit_net_buyer = net;
  if (in.brief.target_retail_price && in.brief.target_retail_price->currency() == in.buyer) {
    auto m = margin(in, net);
    if (m.ok())
      fill_margin(in, *m, o);
    else
      o.warnings.push_back("margin: " + m.status().message());
  }
  return o;
}

// Deposit share from payment terms "T/T 30/70" (0.30); 0.30 when none can be read.
Decimal deposit_share(const std::vector<std::string>& terms, std::string& basis) {
  for (const auto& t : terms) {
    std::size_t slash = t.find('/');
    if (t.rfind("T/T ", 0) != 0 || slash == std::string::npos) continue;
    std::size_t second = t.find('/', 4);
    if (second == std::string::npos) continue;
    auto share = Decimal::parse(t.substr(4, second - 4));
    if (share.ok()) {
      basis = "payment terms " + t;
      return Decimal::divide(*share, Decimal(100), 4, RoundingMode::kHalfEven).value();
    }
  }
  basis = "payment terms not stated: 30 % deposit assumed";
  return Decimal::from_scaled(30, 2);
}

const ShortlistEntry* find_entry(const SourcingSection& s, const std::string& supplier_id) {
  for (const auto& e : s.shortlist) {
    if (e.supplier_id == supplier_id) return &e;
  }
  return nullptr;
}

Money line_sum(const LandedCostOption& o, std::initializer_list<std::string_view> kinds) {
  Money sum = Money::zero(o.total.currency());
  for (const auto& l : o.lines) {
    if (std::find(kinds.begin(), kinds.end(), l.kind) != kinds.end()) sum += l.amount;
  }
  return sum;
}

// The cash events of the recommended option, in the buyer currency.
Status cash_flow(const TaskSpec& task, const Inputs& in, const LandedCostOption& best,
                 const ShortlistEntry& entry, const RouteOption& route, FinanceSection& f) {
  Decimal to_buyer = Decimal(1);
  if (!(best.total.currency() == in.buyer)) {
    ASSIGN_OR_RETURN(FxRate rate,
                     detail::fx_rate(in.engines, best.total.currency(), in.buyer, in.pricing));
    to_buyer = rate.rate;
  }
  auto buyer = [&](const Money& m) {
    return Money(m.amount() * to_buyer, in.buyer).rounded(RoundingMode::kHalfUp);
  };
  std::string terms;
  trade::CashFlowInputs c;
  c.currency = in.buyer;
  c.order_date = route.ready_date.plus_days(-entry.lead_time_days);
  c.goods_total = buyer(line_sum(best, {"goods"}));
  c.deposit_share = deposit_share(entry.payment_terms, terms);
  c.ship_date = route.ready_date;
  c.freight =
      buyer(line_sum(best, {"origin_charges", "freight", "insurance", "destination_delivery"}));
  c.arrival_date = route.arrival;
  c.duty = buyer(line_sum(best, {"duty", "additional_duty"}));
  c.import_vat = buyer(line_sum(best, {"import_tax"}));
  c.vat_reclaim_days = static_cast<int>(detail::int_param(task, "vat_reclaim_days", 45));
  c.other_import_costs = buyer(line_sum(best, {"fee", "brokerage"}));
  c.units = in.units;
  std::int64_t weekly =
      detail::int_param(task, "units_sold_per_week", std::max<std::int64_t>(1, in.units / 12));
  c.units_sold_per_week = weekly;
  c.sales_start_days_after_arrival = 7;
  Money payout = best.retail_net_of_vat.value_or(Money::zero(in.buyer));
  for (const auto& fee : best.channel_fees) payout -= fee.amount;
  c.payout_per_unit = payout;
  ASSIGN_OR_RETURN(trade::CashFlow flow, trade::project_cash_flow(c));
  for (const auto& e : flow.events) {
    std::string basis =
        e.kind == trade::CashEventKind::kDeposit || e.kind == trade::CashEventKind::kBalance ? terms
        : e.kind == trade::CashEventKind::kPayout
            ? "sell-through " + std::to_string(weekly) +
                  " units/week (assumed; task "
                  "param units_sold_per_week), payout every 14 days"
        : e.kind == trade::CashEventKind::kVatReclaim
            ? "import VAT recovered " + std::to_string(*c.vat_reclaim_days) +
                  " days after arrival (assumed)"
            : "landed-cost lines of the recommended option";
    f.cash_flow.push_back({e.date, e.label, e.amount, e.cumulative, basis});
  }
  f.peak_cash_need = flow.peak_need;
  return ok_status();
}

// When no option is in stock by the deadline the owner decides, not the crew: a question on the
// brief's deadline, with the recommended option's arrival and the earliest one as answers. An
// answer becomes the brief's deadline (runner: brief fields go through intake) and finance
// runs again; the recommendation meanwhile stands with its lateness stated.
Status ask_about_deadline(TaskContext& context, const FinanceSection& f, const Brief& brief) {
  const RankedOption& best = f.ranking.front();
  if (best.meets_deadline || !brief.deadline) return ok_status();
  const LandedCostOption* chosen =
      find_option(f.options, best.supplier_id, best.offer_id, best.mode);
  const LandedCostOption* earliest = nullptr;
  for (const auto& o : f.options) {
    if (o.arrival && (earliest == nullptr || *o.arrival < *earliest->arrival)) earliest = &o;
  }
  if (chosen == nullptr || !chosen->arrival || earliest == nullptr) return ok_status();
  Question q;
  q.id = "finance.deadline";
  q.field = "deadline";
  q.asked_by = "finance";
  q.text = "No supplier and shipping option is in stock by " + brief.deadline->to_string() +
           ". The recommended one (" + best.supplier_name + ", " + best.mode + ") is in stock by " +
           chosen->arrival->to_string() +
           (*earliest->arrival < *chosen->arrival
                ? "; the earliest of all (" + earliest->supplier_id + ", " + earliest->mode +
                      ") by " + earliest->arrival->to_string()
                : ", the earliest of all") +
           ". By which date must the goods be in stock?";
  q.options = {chosen->arrival->to_string()};
  if (*earliest->arrival < *chosen->arrival) q.options.push_back(earliest->arrival->to_string());
  return context.ask(q);
}

// Every option scored and ranked, the first recommended, and its cash-flow timeline.
Status rank_and_recommend(const TaskSpec& task, const Inputs& in, const SourcingSection& sourcing,
                          const ComplianceSection* compliance, const LogisticsSection& logistics,
                          FinanceSection& f) {
  if (f.options.empty()) return ok_status();
  f.required_certifications = required_certifications(compliance, in.brief.required_certifications);
  ASSIGN_OR_RETURN(
      f.ranking,
      rank_options({f.options, sourcing, logistics, compliance, f.required_certifications,
                    in.engines.catalog != nullptr ? &in.engines.catalog->catalog() : nullptr,
                    in.brief.deadline}));
  if (f.ranking.empty()) return ok_status();
  f.notes.push_back(
      "ranking: in stock by the deadline with every required certification first, then in time "
      "with a certification gap, then late; within each by supplier score (cost 40, time 20, "
      "quality 25, certifications 15 points)");
  f.recommendation = recommend(f.ranking, f.options, compliance, in.brief);
  const RankedOption& best = f.ranking.front();
  const LandedCostOption* option =
      find_option(f.options, best.supplier_id, best.offer_id, best.mode);
  for (const RouteOption& route : logistics.options) {
    if (option == nullptr || route.supplier_id != best.supplier_id ||
        route.offer_id != best.offer_id || route.mode != best.mode)
      continue;
    Status flow = cash_flow(task, in, *option, *find_entry(sourcing, route.supplier_id), route, f);
    if (!flow.ok()) f.notes.push_back("cash flow: " + flow.message());
    break;
  }
  return ok_status();
}

}  // namespace

Status FinanceAgent::run(const TaskSpec& task, TaskContext& context) {
  const Brief& brief = context.brief();
  const Engines& engines = context.engines();
  if (!brief.destination) return failed_precondition("brief.destination: no market to cost");
  ASSIGN_OR_RETURN(auto sourcing, detail::read_typed<SourcingSection>(context, kSourcingSection,
                                                                      sourcing_section_from_json));
  ASSIGN_OR_RETURN(auto compliance, detail::read_typed<ComplianceSection>(
                                        context, kComplianceSection, compliance_section_from_json));
  ASSIGN_OR_RETURN(auto logistics, detail::read_typed<LogisticsSection>(
                                       context, kLogisticsSection, logistics_section_from_json));
  detail::PricingDate pricing = detail::pricing_date(engines, context.as_of());
  Inputs in{brief,
            engines,
            pricing.date,
            detail::buyer_currency(brief, *engines.reference),
            detail::order_units(brief),
            Decimal::from_scaled(3, 3)};
  FinanceSection f;
  f.currency = std::string(in.buyer.code());
  f.quantity = in.units;
  f.as_of = context.as_of();
  if (!pricing.note.empty()) f.notes.push_back(pricing.note);
  f.notes.push_back("insurance estimated at 0.3 % × 110 % of goods and freight");
  if (brief.channels.empty() && brief.target_retail_price) {
    f.notes.push_back("sales channel not stated: margin after " + std::string(kAssumedChannel) +
                      " fees (assumed; set the brief's channels to change it)");
  }
  if (compliance && compliance->chosen_hs6.empty()) {
    f.notes.push_back("HS code not confirmed (question " + compliance->open_question_id +
                      "): duty uses the leading candidate");
  }
  if (!sourcing || !logistics) {
    f.notes.push_back("sourcing or logistics missing: nothing to cost");
    return detail::write_owned(context, kFinanceSection, to_json(f));
  }
  std::int64_t done = 0;
  for (const auto& route : logistics->options) {
    context.progress(++done, static_cast<std::int64_t>(logistics->options.size()),
                     "options costed");
    const ShortlistEntry* entry = find_entry(*sourcing, route.supplier_id);
    std::string hs = hs_code_for(compliance ? &*compliance : nullptr, route.supplier_id);
    if (entry == nullptr || hs.empty()) continue;
    auto option = price_option(in, *entry, route, hs);
    if (!option.ok()) {
      f.notes.push_back(route.supplier_id + " " + route.mode + ": " + option.status().message());
      continue;
    }
    f.options.push_back(std::move(*option));
  }
  RETURN_IF_ERROR(
      rank_and_recommend(task, in, *sourcing, compliance ? &*compliance : nullptr, *logistics, f));
  RETURN_IF_ERROR(detail::write_owned(context, kFinanceSection, to_json(f)));
  return f.ranking.empty() ? ok_status() : ask_about_deadline(context, f, brief);
}

}  // namespace kontor::crew
