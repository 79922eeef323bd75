#include "trade/quote.h"

namespace kontor::trade {

FxLookup fx_lookup_from(const refdata::FxTable& table, int max_age_days) {
  return [&table, max_age_days](const Currency& from, const Currency& to, Date date) {
    return table.rate(from, to, date, max_age_days);
  };
}
std::string_view buyer_cost_name(BuyerCost) { return ""; }
StatusOr<NormalisedQuote> normalise_quote(const QuoteTerms&, std::int64_t, const Currency&, Date,
                                          const FxLookup&) {
  return unimplemented("normalise_quote");
}

}  // namespace kontor::trade
