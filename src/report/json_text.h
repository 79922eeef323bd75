// Internal: reading display text out of case JSON without ever passing money through a double.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.h"

namespace kontor::report::detail {

using nlohmann::json;

// The member `key` of an object, or null when `j` is not an object or lacks it.
const json& member(const json& j, std::string_view key);
// A nested member by path: at(j, {"landed_cost", "per_unit"}).
const json& at(const json& j, std::initializer_list<std::string_view> path);

// Display text of any JSON value: strings as is; money {"amount","currency"} as "9.20 EUR";
// quantity {"value","unit"} as "2000 pcs"; integers in full; booleans yes/no; arrays of
// scalars joined with ", "; other objects compactly as "k: v; …"; null as "".
std::string text(const json& j);
std::string text(const json& j, std::string_view key);

// An exact decimal from a decimal string, an integer, or a money/quantity object; none for
// anything else (never from a JSON float).
std::optional<Decimal> decimal(const json& j);

// "landed_cost" → "Landed cost".
std::string humanize(std::string_view key);

bool is_scalar(const json& j);

}  // namespace kontor::report::detail
