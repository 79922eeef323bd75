#include "core/currency.h"

namespace kontor {

StatusOr<Currency> Currency::make(std::string_view code, int minor_unit) {
  if (code.size() != 3) {
    return invalid_argument("currency: expected a 3-letter ISO 4217 code, got '" +
                            std::string(code) + "'");
  }
  Currency c;
  for (int i = 0; i < 3; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') {
      return invalid_argument("currency: expected capital letters, got '" + std::string(code) +
                              "'");
    }
    c.code_[i] = code[i];
  }
  if (minor_unit < 0 || minor_unit > 4) {
    return invalid_argument("currency " + std::string(code) + ": minor unit out of range");
  }
  c.minor_unit_ = minor_unit;
  return c;
}

}  // namespace kontor
