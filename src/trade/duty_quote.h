// The duty alone for a customs value already on the destination's basis: `kontor duty` and the
// HTTP API's duty endpoint. The same treatment and rounding rule as the landed-cost engine.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "trade/landed_cost.h"

namespace kontor::trade {

struct DutyRequest {
  std::string hs_code;
  CountryCode origin;
  CountryCode destination;
  Money customs_value;  // any currency; converted at the as-of date's rate
  std::optional<Quantity> units;
  std::array<std::optional<Quantity>, 4> measures;
  Date as_of;
};

struct DutyQuote {
  struct Part {
    std::string label;
    DutyRate rate;  // a copy (heap-free; its text views the tariff snapshot)
    Provenance provenance;
    DutyAmount exact;
    Money rounded;  // half-up to the minor unit, per line
  };
  TariffTreatment treatment;
  Money customs_value;       // in the customs currency
  std::optional<FxRate> fx;  // the conversion of the customs value, if any
  std::vector<Part> parts;   // the line's own duty, then additional duties
  Money total;
};

StatusOr<DutyQuote> quote_duty(const refdata::ReferenceData& data, const DutyRequest& request);
nlohmann::json duty_quote_json(const DutyQuote& quote);

}  // namespace kontor::trade
