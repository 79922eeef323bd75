// JSON in and out of the landed-cost engine: the request schema shared by `kontor
// landed-cost --request -` and the HTTP API, and the quote as JSON with every line's
// provenance. Money is {"amount": "decimal string", "currency": "ISO 4217"}; amounts are
// strings so that no binary floating point touches them.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "refdata/reference_data.h"
#include "trade/landed_cost.h"

namespace kontor::trade {

// "12000 USD", "USD 12000", "12000.50USD", or the JSON object form. invalid_argument names
// `field` and the reason.
StatusOr<Money> parse_money(std::string_view text, const refdata::CurrencyTable& currencies,
                            std::string_view field);
// "2000 pcs", "700kg", "1.5 m3".
StatusOr<Quantity> parse_quantity(std::string_view text, std::string_view field);

// A request from JSON; every error names the field path ("freight.amount: …").
StatusOr<LandedCostRequest> landed_cost_request_from_json(const nlohmann::json& json,
                                                          const refdata::CurrencyTable& currencies,
                                                          Date default_as_of);

nlohmann::json money_json(const Money& money);
nlohmann::json provenance_json(const Provenance& provenance);
nlohmann::json fx_json(const FxRate& rate);
// The quote: customs_value, duty, import_tax, fees, total, per_unit (+ net of import tax and in
// the buyer's currency), valuation, lines[] with provenance, fx[], warnings[], notes[].
nlohmann::json landed_cost_quote_json(const LandedCostQuote& quote);

}  // namespace kontor::trade
