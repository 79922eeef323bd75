#include "crew/agent_negotiation.h"

#include <algorithm>

#include "crew/agent_common.h"

namespace kontor::crew {
namespace {

using detail::join;

// A request for evidence added by compliance: one message to the supplier, proposed.
Status request_evidence(const TaskSpec& task, TaskContext& context) {
  ProposedAction a;
  a.kind = "supplier.message";
  a.counterparty = task.params.value("supplier_id", "");
  a.reference = task.id;
  std::vector<std::string> wanted;
  if (auto it = task.params.find("requirements"); it != task.params.end() && it->is_array()) {
    for (const auto& r : *it) {
      if (r.is_string()) wanted.push_back(r.get<std::string>());
    }
  }
  a.params = {{"subject", "Test reports and declarations requested"}, {"requirements", wanted}};
  a.reason = "compliance found no evidence held for: " + join(wanted, "; ");
  return context.propose(a);
}

// The unit price (offer currency) at which the landed cost leaves `goal` of net revenue after
// channel fees: price − (current landed − target landed) converted back to the offer currency.
// Never below 80 % of the current price (a counter-offer the supplier can take seriously), and
// 5 % off when the margin goal is already met (the usual volume ask).
Money target_price(const ShortlistEntry& e, const LandedCostOption* o, const Decimal& goal,
                   std::string& basis) {
  const Money& current = e.tier_price;
  Money floor = (current * Decimal::from_scaled(80, 2)).rounded(RoundingMode::kCeiling);
  Money volume_ask = (current * Decimal::from_scaled(95, 2)).rounded(RoundingMode::kDown);
  if (o == nullptr || !o->retail_net_of_vat || !o->margin_per_unit) {
    basis = "no margin figures: the usual 5 % volume ask";
    return volume_ask;
  }
  Money fees = Money::zero(o->retail_net_of_vat->currency());
  for (const auto& f : o->channel_fees) fees += f.amount;
  Money target_landed = *o->retail_net_of_vat * (Decimal(1) - goal) - fees;
  Money gap = o->per_unit_buyer - target_landed;  // buyer currency, positive: too expensive
  if (!gap.is_negative() && !gap.is_zero() && !e.unit_price.is_zero()) {
    Decimal factor =
        Decimal::divide(e.tier_price.amount(), e.unit_price.amount(), 10, RoundingMode::kHalfEven)
            .value();
    Money gap_offer(gap.amount() * factor, current.currency());
    Money target = (current - gap_offer).rounded(RoundingMode::kDown);
    basis = "landed " + o->per_unit_buyer.rounded(RoundingMode::kHalfUp).to_string() +
            " must fall to " + target_landed.rounded(RoundingMode::kHalfUp).to_string() +
            " for a " + (goal * Decimal(100)).normalized().to_string() + " % margin";
    if (target < floor) {
      basis += "; capped at 80 % of the current price";
      return floor;
    }
    return target;
  }
  basis = "margin goal " + (goal * Decimal(100)).normalized().to_string() +
          " % already met: the usual 5 % volume ask";
  return volume_ask;
}

const LandedCostOption* cheapest_option(const FinanceSection* f, const std::string& supplier) {
  const LandedCostOption* best = nullptr;
  if (f == nullptr) return best;
  for (const auto& o : f->options) {
    if (o.supplier_id == supplier && (best == nullptr || o.per_unit_buyer < best->per_unit_buyer)) {
      best = &o;
    }
  }
  return best;
}

std::string rfq_message(const ShortlistEntry& e, const Money& target) {
  return "Request for quotation: " + std::to_string(e.quantity) + " pcs of '" + e.product_title +
         "' (your offer " + e.offer_id + ", " + e.incoterm + " " + e.named_place +
         "). Our target price is " + target.to_string() +
         " per unit. Please confirm price, lead time, packing (carton size and weight) and the "
         "test reports you hold.";
}

}  // namespace

Status NegotiationAgent::run(const TaskSpec& task, TaskContext& context) {
  if (task.params.value("kind", "") == "request_evidence") return request_evidence(task, context);
  ASSIGN_OR_RETURN(auto sourcing, detail::read_typed<SourcingSection>(context, kSourcingSection,
                                                                      sourcing_section_from_json));
  ASSIGN_OR_RETURN(auto finance, detail::read_typed<FinanceSection>(context, kFinanceSection,
                                                                    finance_section_from_json));
  NegotiationSection n;
  Decimal goal = Decimal::from_scaled(35, 2);
  if (auto it = task.params.find("margin_goal"); it != task.params.end() && it->is_string()) {
    auto parsed = Decimal::parse(it->get<std::string>());
    if (parsed.ok()) goal = *parsed;
  }
  n.margin_goal = goal;
  if (!sourcing || sourcing->shortlist.empty()) {
    n.notes.push_back("no shortlisted supplier to ask");
    return detail::write_owned(context, kNegotiationSection, to_json(n));
  }
  // Ask in the finance ranking (recommended first), else in shortlist order.
  std::vector<const ShortlistEntry*> order;
  if (finance && finance->recommendation) {
    std::vector<std::string> ids = {finance->recommendation->supplier_id};
    for (const auto& a : finance->recommendation->alternatives) ids.push_back(a.supplier_id);
    for (const auto& id : ids) {
      for (const auto& e : sourcing->shortlist) {
        if (e.supplier_id == id) order.push_back(&e);
      }
    }
  }
  for (const auto& e : sourcing->shortlist) {
    if (std::find(order.begin(), order.end(), &e) == order.end()) order.push_back(&e);
  }
  std::size_t top = static_cast<std::size_t>(detail::int_param(task, "top", 3));
  for (std::size_t i = 0; i < order.size() && i < top; ++i) {
    const ShortlistEntry& e = *order[i];
    RfqProposal rfq;
    rfq.rfq_id = "RFQ-" + e.offer_id + "-" + std::to_string(e.quantity);
    rfq.supplier_id = e.supplier_id;
    rfq.supplier_name = e.supplier_name;
    rfq.offer_id = e.offer_id;
    rfq.quantity = e.quantity;
    rfq.current_price = e.tier_price;
    rfq.target_price = target_price(
        e, cheapest_option(finance ? &*finance : nullptr, e.supplier_id), goal, rfq.basis);
    rfq.message = rfq_message(e, rfq.target_price);
    ProposedAction a{"rfq.send",
                     e.supplier_id,
                     std::nullopt,
                     rfq.rfq_id,
                     {{"quantity", e.quantity},
                      {"target_price", money_to_json(rfq.target_price)},
                      {"message", rfq.message}},
                     "ask for " + rfq.target_price.to_string() + " per unit: " + rfq.basis};
    RETURN_IF_ERROR(context.propose(a));
    n.actions.push_back({a.kind, a.counterparty, a.amount, a.reference, a.reason});
    n.rfqs.push_back(std::move(rfq));
  }
  // Samples from the recommended supplier before any deposit: money moves, so only proposed.
  const ShortlistEntry& first = *order.front();
  if (first.samples) {
    std::int64_t pieces = detail::int_param(task, "sample_units", 3);
    ProposedAction a{"sample.order",
                     first.supplier_id,
                     (first.tier_price * Decimal(pieces)).rounded(RoundingMode::kHalfUp),
                     "SAMPLE-" + first.offer_id,
                     {{"units", pieces}},
                     "check quality, packing and the claims of the listing before the deposit"};
    RETURN_IF_ERROR(context.propose(a));
    n.actions.push_back({a.kind, a.counterparty, a.amount, a.reference, a.reason});
  }
  n.notes.push_back(
      "all actions are proposals: nothing is sent or paid until policy or the "
      "owner approves");
  return detail::write_owned(context, kNegotiationSection, to_json(n));
}

}  // namespace kontor::crew
