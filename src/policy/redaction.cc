#include "policy/redaction.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace kontor::policy {
namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past
  std::string_view label;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_email_local(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain(char c) { return is_alnum(c) || c == '.' || c == '-'; }
bool is_token(char c) {
  return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' ||
         c == '=';
}

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[at + i]) != word[i]) return false;
  }
  return true;
}

// name@domain.tld: the domain needs a dot and a final label of two letters or more.
void find_emails(std::string_view t, std::vector<Span>& out) {
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && is_email_local(t[b - 1])) --b;
    while (b < at && t[b] == '.') ++b;
    std::size_t e = at + 1;
    while (e < t.size() && is_domain(t[e])) ++e;
    while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-')) --e;
    const std::string_view domain = t.substr(at + 1, e - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (b == at || dot == std::string_view::npos || dot == 0) continue;
    const std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_alpha)) continue;
    out.push_back({b, e, "[email]"});
  }
}

// Reads digits with single separators (space, '-', '.', '(' ')', '/') from `at`; returns the
// end and the digit count. Stops before a separator not followed by a digit or '('.
std::pair<std::size_t, int> digit_run(std::string_view t, std::size_t at, bool allow_dots) {
  int digits = 0;
  std::size_t i = at;
  std::size_t end = at;
  while (i < t.size()) {
    char c = t[i];
    if (is_digit(c)) {
      ++digits, ++i, end = i;
    } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '/' ||
               (allow_dots && c == '.')) {
      ++i;
      if (c == ')') end = i;
    } else {
      break;
    }
    if (digits > 19) break;
  }
  return {end, digits};
}

bool word_start(std::string_view t, std::size_t i) { return i == 0 || !is_alnum(t[i - 1]); }

// "+49 30 1234567", "+1 (555) 010-9999"; or a number after tel/phone/mobile/fax/whatsapp.
void find_phones(std::string_view t, std::vector<Span>& out) {
  for (std::size_t i = 0; i + 1 < t.size(); ++i) {
    if (t[i] == '+' && is_digit(t[i + 1]) && word_start(t, i)) {
      auto [end, digits] = digit_run(t, i + 1, true);
      if (digits >= 8 && digits <= 15) {
        out.push_back({i, end, "[phone]"});
        i = end - 1;
      }
    }
  }
  static constexpr std::array<std::string_view, 9> kWords = {
      "tel", "phone", "mobile", "fax", "whatsapp", "telefon", "handy", "cell", "wechat"};
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!word_start(t, i) || !is_alpha(t[i])) continue;
    for (std::string_view w : kWords) {
      if (!starts_with_ci(t, i, w)) continue;
      std::size_t j = i + w.size();
      while (j < t.size() && is_alpha(t[j])) ++j;  // "telephone", "phones"
      while (j < t.size() && (t[j] == '.' || t[j] == ':' || t[j] == ' ' || t[j] == '#')) ++j;
      if (j >= t.size() || !(is_digit(t[j]) || t[j] == '(')) break;
      auto [end, digits] = digit_run(t, j, true);
      if (digits >= 6 && digits <= 15) out.push_back({j, end, "[phone]"});
      break;
    }
  }
}

bool iban_checksum_ok(std::string_view compact) {
  // Move the first four characters to the end, letters to 10..35, then mod 97 must be 1.
  int remainder = 0;
  auto feed = [&](char c) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      int v = c - 'A' + 10;
      remainder = (remainder * 100 + v) % 97;
    }
  };
  for (std::size_t i = 4; i < compact.size(); ++i) feed(compact[i]);
  for (std::size_t i = 0; i < 4; ++i) feed(compact[i]);
  return remainder == 1;
}

void find_ibans(std::string_view t, std::vector<Span>& out) {
  for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
    if (!word_start(t, i) || !is_upper(t[i]) || !is_upper(t[i + 1]) || !is_digit(t[i + 2]) ||
        !is_digit(t[i + 3])) {
      continue;
    }
    std::string compact;
    std::vector<std::size_t> ends;  // end offset in `t` after each compact character
    std::size_t j = i;
    while (j < t.size() && compact.size() < 34) {
      const char c = t[j];
      if (is_digit(c) || is_upper(c)) {
        compact += c, ++j, ends.push_back(j);
      } else if (t[j] == ' ' && j + 1 < t.size() && (is_digit(t[j + 1]) || is_upper(t[j + 1]))) {
        ++j;
      } else {
        break;
      }
    }
    for (std::size_t n = compact.size(); n >= 15; --n) {
      const std::size_t end = ends[n - 1];
      if (end < t.size() && is_alnum(t[end])) continue;  // must end at a word boundary
      if (iban_checksum_ok(std::string_view(compact).substr(0, n))) {
        out.push_back({i, end, "[iban]"});
        i = end - 1;
        break;
      }
    }
  }
}

bool luhn_ok(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (std::size_t k = digits.size(); k-- > 0;) {
    int d = digits[k] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners,
// UnionPay, Maestro): a Luhn-valid 13-19 digit article number without one is left alone.
bool card_prefix_ok(std::string_view d) {
  auto p = [&](std::size_t n) { return std::stoi(std::string(d.substr(0, n))); };
  if (d[0] == '4') return true;
  const int two = p(2), four = p(4);
  return (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) || two == 34 || two == 37 ||
         four == 6011 || two == 65 || (two >= 36 && two <= 39) || two == 62 || two == 30 ||
         (four >= 3528 && four <= 3589) || two == 50 || (two >= 56 && two <= 69);
}

void find_cards(std::string_view t, std::vector<Span>& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is_digit(t[i]) || !word_start(t, i) || (i > 0 && (t[i - 1] == '.' || t[i - 1] == ','))) {
      continue;
    }
    std::string digits;
    std::size_t j = i, end = i;
    while (j < t.size() && digits.size() <= 19) {
      if (is_digit(t[j])) {
        digits += t[j], ++j, end = j;
      } else if ((t[j] == ' ' || t[j] == '-') && j + 1 < t.size() && is_digit(t[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    const bool bounded = end >= t.size() || !(is_alnum(t[end]) || t[end] == '.' || t[end] == ',');
    if (bounded && digits.size() >= 13 && digits.size() <= 19 && card_prefix_ok(digits) &&
        luhn_ok(digits)) {
      out.push_back({i, end, "[card]"});
    }
    i = end > i ? end - 1 : i;
  }
}

// password=…, "api_key": "…", Authorization: Bearer …, and tokens with a vendor prefix.
void find_secrets(std::string_view t, std::vector<Span>& out) {
  static constexpr std::array<std::string_view, 14> kKeys = {
      "password",      "passwd",  "pwd",          "passwort",      "secret",
      "client_secret", "token",   "access_token", "refresh_token", "api_key",
      "apikey",        "api-key", "private_key",  "authorization"};
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!word_start(t, i) || !is_alpha(t[i])) continue;
    for (std::string_view key : kKeys) {
      if (!starts_with_ci(t, i, key)) continue;
      std::size_t j = i + key.size();
      if (j < t.size() && (is_alnum(t[j]) || t[j] == '_' || t[j] == '-')) continue;
      if (j < t.size() && (t[j] == '"' || t[j] == '\'')) ++j;
      while (j < t.size() && t[j] == ' ') ++j;
      if (j >= t.size() || (t[j] != '=' && t[j] != ':')) continue;
      ++j;
      while (j < t.size() && t[j] == ' ') ++j;
      if (j < t.size() && (t[j] == '"' || t[j] == '\'')) ++j;
      if (starts_with_ci(t, j, "bearer ") || starts_with_ci(t, j, "basic ")) {
        j = t.find(' ', j) + 1;
      }
      std::size_t e = j;
      while (e < t.size() && t[e] != '"' && t[e] != '\'' && t[e] != ' ' && t[e] != ',' &&
             t[e] != ';' && t[e] != '&' && t[e] != '}' && t[e] != '\n' && t[e] != '\r') {
        ++e;
      }
      if (e > j) out.push_back({j, e, "[secret]"});
      break;
    }
  }
  for (std::size_t at = 0; at < t.size(); ++at) {
    if (!word_start(t, at)) continue;
    if (starts_with_ci(t, at, "bearer ")) {
      std::size_t j = at + 7, e = j;
      while (e < t.size() && is_token(t[e])) ++e;
      if (e - j >= 8) out.push_back({j, e, "[secret]"});
      continue;
    }
    static constexpr std::array<std::string_view, 12> kPrefixes = {
        "sk-",  "sk_live_",    "sk_test_", "rk_live_", "pk_live_", "ghp_",
        "gho_", "github_pat_", "xoxb-",    "xoxp-",    "glpat-",   "AIza"};
    for (std::string_view prefix : kPrefixes) {
      if (t.substr(at, prefix.size()) != prefix) continue;
      std::size_t e = at + prefix.size();
      while (e < t.size() && (is_alnum(t[e]) || t[e] == '_' || t[e] == '-')) ++e;
      if (e - at - prefix.size() >= 16) out.push_back({at, e, "[secret]"});
      break;
    }
    if (t.substr(at, 4) == "AKIA") {  // AWS access key id: AKIA + 16 upper-case or digits
      std::size_t e = at + 4;
      while (e < t.size() && (is_upper(t[e]) || is_digit(t[e]))) ++e;
      if (e - at == 20) out.push_back({at, e, "[secret]"});
    }
  }
}

}  // namespace

std::string redact(std::string_view text) {
  std::vector<Span> spans;
  find_secrets(text, spans);
  find_emails(text, spans);
  find_ibans(text, spans);
  find_cards(text, spans);
  find_phones(text, spans);
  if (spans.empty()) return std::string(text);
  // Earliest first, the longest of those that start together; overlapping later spans merge.
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (const Span& s : spans) {
    if (s.begin < pos) continue;
    out.append(text.substr(pos, s.begin - pos));
    out.append(s.label);
    pos = s.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace kontor::policy
