#include "policy/grant_block.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace kontor::policy::detail {
namespace {

using nlohmann::json;

const std::set<std::string> kFields{"actions", "budget", "cases",  "counterparties",
                                    "expires", "forbid", "holder", "id",
                                    "max",     "next",   "v"};

std::string at(std::size_t index, std::string_view field) {
  return "block " + std::to_string(index) + ": " + std::string(field) + ": ";
}

bool valid_pattern(std::string_view p) {
  if (p == "*") return true;
  if (p.ends_with(".*")) p.remove_suffix(2);
  if (p.empty() || p.front() == '.' || p.back() == '.') return false;
  return std::all_of(p.begin(), p.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

json cap_json(const Cap& cap) {
  return {{"amount", cap.amount.to_string()}, {"currency", cap.currency}};
}

StatusOr<std::vector<std::string>> string_list(const json& body, std::string_view field,
                                               std::size_t index) {
  const json& value = body.at(std::string(field));
  if (!value.is_array()) return invalid_argument(at(index, field) + "not a list");
  std::vector<std::string> out;
  for (const json& item : value) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      return invalid_argument(at(index, field) + "not a list of non-empty strings");
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

StatusOr<Cap> cap_field(const json& body, std::string_view field, std::size_t index) {
  const json& value = body.at(std::string(field));
  if (!value.is_object() || value.size() != 2 || !value.contains("amount") ||
      !value.contains("currency") || !value["amount"].is_string() ||
      !value["currency"].is_string()) {
    return invalid_argument(at(index, field) + "not {\"amount\", \"currency\"}");
  }
  auto amount = Decimal::parse(value["amount"].get<std::string>());
  if (!amount.ok()) return invalid_argument(at(index, field) + amount.status().message());
  return Cap{*amount, value["currency"].get<std::string>()};
}

bool covered(const std::vector<std::string>& wide, std::string_view narrow) {
  return std::any_of(wide.begin(), wide.end(),
                     [&](const std::string& w) { return pattern_covers(w, narrow); });
}

bool subset(const std::vector<std::string>& wide, const std::vector<std::string>& narrow) {
  return std::all_of(narrow.begin(), narrow.end(), [&](const std::string& n) {
    return std::find(wide.begin(), wide.end(), n) != wide.end();
  });
}

std::string joined(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) out += (out.size() > 1 ? ", " : "") + item;
  return out + "]";
}

Status narrow_cap(std::optional<Cap>& current, const std::optional<Cap>& next, std::size_t index,
                  std::string_view field) {
  if (!next) return ok_status();
  if (current && next->currency != current->currency) {
    return invalid_argument(at(index, field) + "widens the grant: " + next->to_string() +
                            " is not in the currency of the earlier cap " + current->to_string());
  }
  if (current && next->amount > current->amount) {
    return invalid_argument(at(index, field) + "widens the grant: " + next->to_string() +
                            " is above the earlier cap " + current->to_string());
  }
  current = next;
  return ok_status();
}

}  // namespace

std::string block_body(const Block& block, const PublicKey& next) {
  json body{{"v", 1}, {"holder", block.holder}, {"next", base64url(next)}};
  if (!block.id.empty()) body["id"] = block.id;
  if (block.actions) body["actions"] = *block.actions;
  if (!block.forbid.empty()) body["forbid"] = block.forbid;
  if (block.counterparties) body["counterparties"] = *block.counterparties;
  if (block.cases) body["cases"] = *block.cases;
  if (block.max) body["max"] = cap_json(*block.max);
  if (block.budget) body["budget"] = cap_json(*block.budget);
  if (block.expires) body["expires"] = format_time(*block.expires);
  return body.dump();
}

Status validate_block(const Block& block, std::size_t index) {
  if (block.holder.empty()) return invalid_argument(at(index, "holder") + "missing");
  for (const auto* list : {block.actions ? &*block.actions : nullptr, &block.forbid}) {
    if (!list) continue;
    for (const std::string& p : *list) {
      if (!valid_pattern(p)) {
        return invalid_argument(at(index, list == &block.forbid ? "forbid" : "actions") +
                                "not an action pattern: '" + p + "'");
      }
    }
  }
  for (const auto& [cap, field] :
       {std::pair{&block.max, "max"}, std::pair{&block.budget, "budget"}}) {
    if (!*cap) continue;
    const Cap& c = **cap;
    if (c.currency.size() != 3 || !std::all_of(c.currency.begin(), c.currency.end(),
                                               [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      return invalid_argument(at(index, field) + "currency: not three capital letters: '" +
                              c.currency + "'");
    }
    if (c.amount.is_negative() || c.amount.is_zero()) {
      return invalid_argument(at(index, field) + "not above zero: " + c.to_string());
    }
  }
  if (index == 0) {
    if (block.id.size() < 3 || !block.id.starts_with("g-")) {
      return invalid_argument(at(index, "id") + "missing or not 'g-…'");
    }
    if (!block.actions) return invalid_argument(at(index, "actions") + "missing");
    if (!block.expires) return invalid_argument(at(index, "expires") + "missing");
  } else if (!block.id.empty()) {
    return invalid_argument(at(index, "id") + "only block 0 names the grant");
  }
  return ok_status();
}

StatusOr<std::pair<Block, PublicKey>> parse_block_body(std::string_view text, std::size_t index) {
  json body = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return invalid_argument("block " + std::to_string(index) + ": body: not a JSON object");
  }
  if (body.dump() != text) {
    return invalid_argument("block " + std::to_string(index) + ": body: not in canonical form");
  }
  for (const auto& [key, value] : body.items()) {
    if (!kFields.contains(key)) return invalid_argument(at(index, key) + "unknown field");
  }
  if (!body.contains("v") || body["v"] != 1) return invalid_argument(at(index, "v") + "not 1");
  for (const char* field : {"holder", "next", "id", "expires"}) {
    if (body.contains(field) && !body[field].is_string()) {
      return invalid_argument(at(index, field) + "not a string");
    }
  }
  if (!body.contains("next")) return invalid_argument(at(index, "next") + "missing");
  Block block;
  block.holder = body.value("holder", "");
  block.id = body.value("id", "");
  if (body.contains("actions")) {
    ASSIGN_OR_RETURN(block.actions, string_list(body, "actions", index));
  }
  if (body.contains("forbid")) {
    ASSIGN_OR_RETURN(block.forbid, string_list(body, "forbid", index));
  }
  if (body.contains("counterparties")) {
    ASSIGN_OR_RETURN(block.counterparties, string_list(body, "counterparties", index));
  }
  if (body.contains("cases")) {
    ASSIGN_OR_RETURN(block.cases, string_list(body, "cases", index));
  }
  if (body.contains("max")) {
    ASSIGN_OR_RETURN(block.max, cap_field(body, "max", index));
  }
  if (body.contains("budget")) {
    ASSIGN_OR_RETURN(block.budget, cap_field(body, "budget", index));
  }
  if (body.contains("expires")) {
    auto expires = parse_time(body["expires"].get<std::string>());
    if (!expires.ok()) return invalid_argument(at(index, "expires") + expires.status().message());
    block.expires = *expires;
  }
  RETURN_IF_ERROR(validate_block(block, index));
  ASSIGN_OR_RETURN(PublicKey next, parse_public_key(body["next"].get<std::string>(),
                                                    at(index, "next") + "public key"));
  return std::pair{std::move(block), next};
}

StatusOr<EffectiveGrant> start_effective(const Block& root_block, std::string counter) {
  RETURN_IF_ERROR(validate_block(root_block, 0));
  EffectiveGrant effective;
  effective.id = root_block.id;
  effective.holder = root_block.holder;
  effective.actions = *root_block.actions;
  effective.forbid = root_block.forbid;
  effective.counterparties = root_block.counterparties;
  effective.cases = root_block.cases;
  effective.max = root_block.max;
  effective.expires = *root_block.expires;
  if (root_block.budget) effective.budgets.push_back({std::move(counter), 0, *root_block.budget});
  return effective;
}

Status narrow_effective(EffectiveGrant& effective, const Block& block, std::size_t index,
                        std::string counter) {
  RETURN_IF_ERROR(validate_block(block, index));
  if (block.actions) {
    for (const std::string& p : *block.actions) {
      if (!covered(effective.actions, p)) {
        return invalid_argument(at(index, "actions") + "widens the grant: '" + p +
                                "' is not within " + joined(effective.actions));
      }
    }
    effective.actions = *block.actions;
  }
  using List = std::optional<std::vector<std::string>>;
  for (auto [current, next, field] :
       {std::tuple{&effective.counterparties, &block.counterparties, "counterparties"},
        std::tuple{&effective.cases, &block.cases, "cases"}}) {
    const List& n = *next;
    if (!n) continue;
    if (*current && !subset(**current, *n)) {
      return invalid_argument(at(index, field) + "widens the grant: " + joined(*n) +
                              " is not within " + joined(**current));
    }
    *current = n;
  }
  RETURN_IF_ERROR(narrow_cap(effective.max, block.max, index, "max"));
  if (block.budget) {
    std::optional<Cap> last =
        effective.budgets.empty() ? std::nullopt : std::optional<Cap>(effective.budgets.back().cap);
    RETURN_IF_ERROR(narrow_cap(last, block.budget, index, "budget"));
    effective.budgets.push_back({std::move(counter), index, *block.budget});
  }
  if (block.expires) {
    if (*block.expires > effective.expires) {
      return invalid_argument(at(index, "expires") +
                              "widens the grant: " + format_time(*block.expires) + " is after " +
                              format_time(effective.expires));
    }
    effective.expires = *block.expires;
  }
  for (const std::string& f : block.forbid) effective.forbid.push_back(f);
  effective.holder = block.holder;
  return ok_status();
}

}  // namespace kontor::policy::detail
