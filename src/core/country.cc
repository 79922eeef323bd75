#include "core/country.h"

namespace kontor {

StatusOr<CountryCode> CountryCode::parse(std::string_view text) {
  if (text.size() != 2) {
    return invalid_argument("expected a 2-letter ISO 3166 country code, got '" + std::string(text) +
                            "'");
  }
  CountryCode c;
  for (int i = 0; i < 2; ++i) {
    char ch = text[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') {
      return invalid_argument("expected a 2-letter ISO 3166 country code, got '" +
                              std::string(text) + "'");
    }
    c.code_[i] = ch;
  }
  return c;
}

}  // namespace kontor
