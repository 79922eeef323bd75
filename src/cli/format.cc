#include "cli/format.h"

namespace kontor::cli {
namespace {
std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count UTF-8 lead bytes
  return n;
}
}  // namespace

std::string grouped(const Money& money) {
  std::string text = money.amount_text();
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  std::size_t point = text.find('.');
  std::size_t int_len = point == std::string::npos ? text.size() : point;
  std::string out;
  for (std::size_t i = 0; i < int_len; ++i) {
    if (i > 0 && (int_len - i) % 3 == 0) out.push_back(',');
    out.push_back(text[i]);
  }
  out += text.substr(int_len);
  return negative ? "-" + out : out;
}

std::string money_text(const Money& money) {
  return grouped(money) + " " + std::string(money.currency().code());
}

std::string pad(std::string_view text, std::size_t width, bool right_align) {
  std::size_t w = display_width(text);
  std::string s(text);
  if (w > width) {
    // Cut on a character boundary and mark the cut.
    std::size_t keep = 0, seen = 0;
    while (keep < s.size() && seen < width - 1) {
      ++keep;
      while (keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) ++keep;
      ++seen;
    }
    return s.substr(0, keep) + "…";
  }
  std::string fill(width - w, ' ');
  return right_align ? fill + s : s + fill;
}

}  // namespace kontor::cli
