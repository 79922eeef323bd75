#include "trade/duty.h"

namespace kontor::trade {
namespace {

// Error paths only: these build messages, the success path never does.
std::string quoted(const DutyRate& rate) { return "duty rate '" + std::string(rate.text) + "'"; }

std::string plain_quantity_name(Unit unit) {
  std::string symbol(unit_symbol(unit));
  switch (unit_dimension(unit)) {
    case Dimension::kWeight: return "the net weight in " + symbol;
    case Dimension::kVolume: return "the volume in " + symbol;
    case Dimension::kArea: return "the area in " + symbol;
    case Dimension::kLength: return "the length in " + symbol;
    case Dimension::kPairs: return "the number of pairs (" + symbol + ")";
    case Dimension::kSets: return "the number of sets";
    case Dimension::kCount: return "the number of pieces (" + symbol + ")";
  }
  return "the quantity in " + symbol;
}

Status needs(const DutyRate& rate, const std::string& what) {
  return invalid_argument(quoted(rate) + " needs " + what);
}

Status needs_quantity(const DutyRate& rate, const DutyComponent& c) {
  if (c.basis == DutyBasis::kDeclared) return needs(rate, plain_quantity_name(c.unit));
  return needs(rate, "the " + std::string(duty_basis_name(c.basis)) + " in " +
                         std::string(unit_symbol(c.unit)));
}

Status converted(const DutyRate& rate, const Quantity& q, Unit unit, Decimal& out) {
  if (q.unit() == unit) {
    out = q.value();
    return ok_status();
  }
  // Into a base unit (kg, l, pcs, pr, m2) the conversion is one exact multiplication; the
  // general path divides at 18 digits, which costs more and gives the same number.
  if (unit_dimension(q.unit()) == unit_dimension(unit) && unit_factor(unit) == Decimal(1)) {
    out = q.value() * unit_factor(q.unit());
    return ok_status();
  }
  StatusOr<Quantity> in_unit = q.to(unit);
  if (!in_unit.ok()) return in_unit.status().with_context(quoted(rate));
  out = in_unit->value();
  return ok_status();
}

// The quantity a specific component is levied on, in the component's unit.
Status component_quantity(const DutyRate& rate, const DutyComponent& c, const DutyBase& base,
                          Decimal& out) {
  Dimension dim = unit_dimension(c.unit);
  if (c.basis == DutyBasis::kDeclared) {
    for (const auto& q : base.quantities) {
      if (q && unit_dimension(q->unit()) == dim) return converted(rate, *q, c.unit, out);
    }
    return needs_quantity(rate, c);
  }
  for (const auto& q : base.qualified_quantities) {
    if (q && q->basis == c.basis) return converted(rate, q->quantity, c.unit, out);
  }
  if (c.basis == DutyBasis::kProofLitres && base.alcohol_strength) {
    // A proof litre is a litre at 50 % vol (100° US proof).
    for (const auto& q : base.quantities) {
      if (!q || unit_dimension(q->unit()) != Dimension::kVolume) continue;
      RETURN_IF_ERROR(converted(rate, *q, c.unit, out));
      out = out * *base.alcohol_strength * Decimal::from_scaled(2, 2);
      return ok_status();
    }
  }
  return needs_quantity(rate, c);
}

Status ad_valorem_term(const DutyRate& rate, const DutyComponent& c, const DutyBase& base,
                       DutyTerm& term) {
  const Money* value = &base.customs_value;
  if (c.basis != DutyBasis::kDeclared) {
    value = nullptr;
    for (const auto& part : base.part_values) {
      if (part && part->basis == c.basis) value = &part->value;
    }
    if (value == nullptr) return needs(rate, "the " + std::string(duty_basis_name(c.basis)));
    if (!(value->currency() == base.customs_value.currency())) {
      return invalid_argument(quoted(rate) + ": the " + std::string(duty_basis_name(c.basis)) +
                              " is in " + std::string(value->currency().code()) +
                              " but the customs value is in " +
                              std::string(base.customs_value.currency().code()));
    }
  }
  term.base = value->amount();
  term.amount = c.rate * value->amount();
  return ok_status();
}

Status specific_term(const DutyRate& rate, const DutyComponent& c, const DutyBase& base,
                     DutyTerm& term) {
  if (c.currency() != base.customs_value.currency().code()) {
    return invalid_argument(
        quoted(rate) + " is in " + std::string(c.currency()) + " but the customs value is in " +
        std::string(base.customs_value.currency().code()) + " (convert the customs value first)");
  }
  Decimal q;
  RETURN_IF_ERROR(component_quantity(rate, c, base, q));
  if (c.excess_over > 0) {  // "¢/jewel over 7"
    q = Decimal::max(q - Decimal(c.excess_over), Decimal(0));
  }
  term.base = q;
  Decimal amount = c.rate * q;
  if (c.per_exp10 > 0) amount = amount * Decimal::from_scaled(1, c.per_exp10);
  if (c.per_percent == PerPercent::kAlcoholByVolume) {
    if (!base.alcohol_strength) return needs(rate, "the alcoholic strength in % vol");
    amount = amount * *base.alcohol_strength;
  } else if (c.per_percent == PerPercent::kSucrose) {
    if (!base.sucrose_content) return needs(rate, "the sucrose content in %");
    amount = amount * *base.sucrose_content;
  }
  term.amount = amount;
  return ok_status();
}

// The season of a seasonal rate covering the date of entry: the first whose ranges contain
// it, else the one printed without dates.
Status select_season(const DutyRate& rate, const DutyBase& base, int& season) {
  if (!base.entry_date) return needs(rate, "the date of entry (the rate is seasonal)");
  int month = base.entry_date->month(), day = base.entry_date->day();
  int fallback = -1;
  for (int s = 0; s < rate.season_count; ++s) {
    const DutySeason& candidate = rate.seasons[s];
    if (candidate.range_count == 0 && fallback < 0) fallback = s;
    for (int k = 0; k < candidate.range_count; ++k) {
      if (candidate.ranges[k].contains(month, day)) {
        season = s;
        return ok_status();
      }
    }
  }
  if (fallback >= 0) {
    season = fallback;
    return ok_status();
  }
  return failed_precondition(quoted(rate) + " has no rate for entries on " +
                             base.entry_date->to_string());
}

// Adds a term to a clause's running sum; the first term is assigned (no addition) because
// this is the hot path and most rates have one term per clause.
void accumulate(const Decimal& amount, bool& present, Decimal& sum) {
  if (present) {
    sum += amount;
  } else {
    sum = amount;
    present = true;
  }
}

}  // namespace

Status compute_duty(const DutyRate& rate, const DutyBase& base, DutyAmount& out) {
  const Currency& currency = base.customs_value.currency();
  out.term_count = 0;
  out.limit = DutyAmount::Limit::kNone;
  out.season = -1;
  out.base_duty.reset();
  if (rate.form == DutyForm::kFree) {
    out.amount = Money::zero(currency);
    return ok_status();
  }
  if (rate.form == DutyForm::kNotComputable) {
    return failed_precondition("needs a customs expert: " + quoted(rate) + ": " +
                               std::string(not_computable_reason_name(rate.reason)));
  }
  int season = 0;
  if (rate.season_count > 0) {
    RETURN_IF_ERROR(select_season(rate, base, season));
    out.season = static_cast<std::int8_t>(season);
  }
  Decimal main, minimum, maximum;
  bool has_main = false, has_minimum = false, has_maximum = false;
  for (int i = 0; i < rate.component_count; ++i) {
    const DutyComponent& c = rate.components[i];
    if (c.season != season) continue;
    if (out.term_count >= DutyAmount::kMaxTerms) {
      return internal_error(quoted(rate) + ": more than 4 components in one season");
    }
    DutyTerm& term = out.terms[out.term_count++];
    term.component = static_cast<std::uint8_t>(i);
    term.clause = c.clause;
    RETURN_IF_ERROR(c.is_ad_valorem() ? ad_valorem_term(rate, c, base, term)
                                      : specific_term(rate, c, base, term));
    switch (c.clause) {
      case DutyClause::kMain: accumulate(term.amount, has_main, main); break;
      case DutyClause::kMinimum: accumulate(term.amount, has_minimum, minimum); break;
      case DutyClause::kMaximum: accumulate(term.amount, has_maximum, maximum); break;
    }
  }
  if (has_minimum && minimum > main) {
    main = minimum;
    out.limit = DutyAmount::Limit::kMinimum;
  }
  if (has_maximum && maximum < main) {
    main = maximum;
    out.limit = DutyAmount::Limit::kMaximum;
  }
  if (rate.form == DutyForm::kAdditional) {
    if (!base.base_duty) return needs(rate, "the duty of the applicable subheading");
    if (!(base.base_duty->currency() == currency)) {
      return invalid_argument(quoted(rate) + ": the base duty is in " +
                              std::string(base.base_duty->currency().code()) +
                              " but the customs value is in " + std::string(currency.code()));
    }
    out.base_duty = *base.base_duty;
    main = Decimal::max(main + base.base_duty->amount(), Decimal(0));
  }
  out.amount = Money(main, currency);
  return ok_status();
}

StatusOr<DutyAmount> compute_duty(const DutyRate& rate, const DutyBase& base) {
  StatusOr<DutyAmount> result{DutyAmount()};
  Status status = compute_duty(rate, base, *result);
  if (!status.ok()) return status;
  return result;
}

std::string explain(const DutyRate& rate, const DutyTerm& term, const Currency& currency) {
  const DutyComponent& c = rate.components[term.component];
  std::string out = describe(c) + " × ";
  if (c.is_ad_valorem()) {
    out += Money(term.base, currency).to_string();
  } else {
    out += term.base.normalized().to_plain_string() + " " + std::string(unit_symbol(c.unit));
  }
  return out + " = " + Money(term.amount, currency).to_string();
}

std::string explain(const DutyRate& rate, const DutyAmount& amount) {
  if (rate.form == DutyForm::kFree) return "free: " + amount.amount.to_string();
  std::string out;
  for (const DutyTerm& term : amount) {
    if (!out.empty()) out += "; ";
    if (term.clause == DutyClause::kMinimum) out += "MIN ";
    if (term.clause == DutyClause::kMaximum) out += "MAX ";
    out += explain(rate, term, amount.amount.currency());
  }
  if (amount.limit == DutyAmount::Limit::kMinimum) out += "; the minimum applies";
  if (amount.limit == DutyAmount::Limit::kMaximum) out += "; the maximum applies";
  if (amount.base_duty) out += "; plus the base duty " + amount.base_duty->to_string();
  return out + "; duty " + amount.amount.to_string();
}

}  // namespace kontor::trade
