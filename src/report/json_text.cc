#include "report/json_text.h"

namespace kontor::report::detail {
namespace {

const json& null_json() {
  static const json kNull;
  return kNull;
}

bool is_money(const json& j) {
  return j.is_object() && j.size() == 2 && j.contains("amount") && j.contains("currency");
}

bool is_quantity(const json& j) {
  return j.is_object() && j.size() == 2 && j.contains("value") && j.contains("unit");
}

}  // namespace

const json& member(const json& j, std::string_view key) {
  if (!j.is_object()) return null_json();
  auto it = j.find(key);
  return it == j.end() ? null_json() : *it;
}

const json& at(const json& j, std::initializer_list<std::string_view> path) {
  const json* current = &j;
  for (std::string_view key : path) current = &member(*current, key);
  return *current;
}

bool is_scalar(const json& j) { return !j.is_object() && !j.is_array(); }

std::string text(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "yes" : "no";
  if (j.is_number_integer()) return std::to_string(j.get<std::int64_t>());
  if (j.is_number_unsigned()) return std::to_string(j.get<std::uint64_t>());
  if (j.is_number_float()) return j.dump();  // not money: writers store decimals as strings
  if (is_money(j)) return text(j["amount"]) + " " + text(j["currency"]);
  if (is_quantity(j)) return text(j["value"]) + " " + text(j["unit"]);
  std::string out;
  if (j.is_array()) {
    for (const json& item : j) out += (out.empty() ? "" : ", ") + text(item);
    return out;
  }
  for (const auto& [key, value] : j.items()) {
    out += (out.empty() ? "" : "; ") + key + ": " + text(value);
  }
  return out;
}

std::string text(const json& j, std::string_view key) { return text(member(j, key)); }

std::optional<Decimal> decimal(const json& j) {
  if (j.is_string()) {
    auto d = Decimal::parse(j.get<std::string>());
    if (d.ok()) return *d;
    return std::nullopt;
  }
  if (j.is_number_integer()) return Decimal(j.get<std::int64_t>());
  if (is_money(j)) return decimal(j["amount"]);
  if (is_quantity(j)) return decimal(j["value"]);
  return std::nullopt;
}

std::string humanize(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    if (c == '_' || c == '.') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace kontor::report::detail
