// Text formatting for terminal tables: amounts with thousands separators, padded columns.
#pragma once

#include <string>
#include <string_view>

#include "core/money.h"

namespace kontor::cli {

// "12,345.60" (the amount at least at the currency's minor unit).
std::string grouped(const Money& money);
// "12,345.60 EUR"
std::string money_text(const Money& money);
// `text` padded with spaces to `width` display columns (UTF-8 aware), or cut with "…".
std::string pad(std::string_view text, std::size_t width, bool right_align = false);

}  // namespace kontor::cli
