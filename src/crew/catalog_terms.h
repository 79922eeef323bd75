// The catalog's records read as the trade engines' own views: an Offer as QuoteTerms for quote
// normalisation, a Supplier as a SupplierProfile for scoring. The crew is where the catalog and
// the trade engines meet, so the mapping lives here and neither module knows the other.
#pragma once

#include "catalog/types.h"
#include "trade/quote.h"
#include "trade/supplier_score.h"

namespace kontor::crew {

inline trade::QuoteTerms quote_terms(const catalog::Offer& offer) {
  trade::QuoteTerms terms{
      offer.id,          offer.supplier_id,    offer.currency,   {}, offer.moq, offer.incoterm,
      offer.named_place, offer.lead_time_days, offer.valid_until};
  for (const auto& tier : offer.tiers) terms.tiers.push_back({tier.min_quantity, tier.unit_price});
  return terms;
}

inline trade::SupplierProfile supplier_profile(const catalog::Supplier& s) {
  const trade::SupplierVerification v =
      s.verification == catalog::Verification::kAudited    ? trade::SupplierVerification::kAudited
      : s.verification == catalog::Verification::kVerified ? trade::SupplierVerification::kVerified
                                                           : trade::SupplierVerification::kNone;
  return {s.id,          s.name,          v, s.years_in_business, s.response_hours, s.on_time_rate,
          s.defect_rate, s.certifications};
}

}  // namespace kontor::crew
