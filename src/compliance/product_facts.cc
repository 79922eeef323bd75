#include "compliance/product_facts.h"

#include <algorithm>
#include <array>

#include "core/csv.h"

namespace kontor::compliance {
namespace {

constexpr std::array<std::string_view, kProductFlagCount> kFlagNames = {
    "electrical",  "mains_powered", "battery", "lithium_battery", "button_cell", "wireless",
    "connectable", "children",      "toy",     "food_contact",    "plastic",     "textile",
    "machinery"};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

bool has_non_ascii(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Whole-word (or word-prefix) occurrence of a lower-case keyword in lower-case text.
bool contains_word(std::string_view text, std::string_view keyword, bool prefix) {
  for (std::size_t at = text.find(keyword); at != std::string_view::npos;
       at = text.find(keyword, at + 1)) {
    bool starts = at == 0 || !is_word_char(text[at - 1]);
    std::size_t end = at + keyword.size();
    bool ends = prefix || end == text.size() || !is_word_char(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

StatusOr<std::string> normalize_hs(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != '.' && c != ' ') {
      return invalid_argument("hs_code: not an HS code: '" + std::string(text) + "'");
    }
  }
  if (!digits.empty() && (digits.size() < 2 || digits.size() > 10)) {
    return invalid_argument("hs_code: expected 2 to 10 digits, got '" + std::string(text) + "'");
  }
  return digits;
}

}  // namespace

std::string_view product_flag_name(ProductFlag flag) {
  return kFlagNames[static_cast<std::size_t>(flag)];
}

StatusOr<ProductFlag> parse_product_flag(std::string_view name) {
  for (std::size_t i = 0; i < kFlagNames.size(); ++i) {
    if (kFlagNames[i] == name) return static_cast<ProductFlag>(i);
  }
  return invalid_argument("unknown product flag '" + std::string(name) + "'");
}

std::string certificate_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') key.push_back(static_cast<char>(c - 'a' + 'A'));
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) key.push_back(c);
  }
  return key;
}

StatusOr<ProductFacts> ProductFacts::make(std::string title, std::string hs_code,
                                          std::vector<std::string> certificates) {
  ProductFacts facts;
  ASSIGN_OR_RETURN(facts.hs_code_, normalize_hs(hs_code));
  facts.title_ = std::move(title);
  facts.certificates_ = std::move(certificates);
  return facts;
}

const std::string* ProductFacts::reason(ProductFlag flag) const {
  for (const FlagReason& f : flags_) {
    if (f.flag == flag) return &f.reason;
  }
  return nullptr;
}

std::optional<std::string> ProductFacts::held(std::string_view token) const {
  std::string want = certificate_key(token);
  if (want.empty()) return std::nullopt;
  for (const std::string& cert : certificates_) {
    if (certificate_key(cert) == want) return cert;
  }
  return std::nullopt;
}

void ProductFacts::set_flag(ProductFlag flag, std::string reason) {
  if (has(flag)) return;
  flags_.push_back({flag, std::move(reason)});
}

void ProductFacts::clear_flag(ProductFlag flag) {
  std::erase_if(flags_, [flag](const FlagReason& f) { return f.flag == flag; });
}

StatusOr<FlagRules> FlagRules::load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, read_file(path));
  std::string file = path.substr(path.find_last_of('/') + 1);
  return parse(text, file);
}

StatusOr<FlagRules> FlagRules::parse(std::string_view text, const std::string& file) {
  CsvReader csv(text, file);
  RETURN_IF_ERROR(csv.read_header());
  ASSIGN_OR_RETURN(std::size_t c_flag, csv.column("flag"));
  ASSIGN_OR_RETURN(std::size_t c_match, csv.column("match"));
  ASSIGN_OR_RETURN(std::size_t c_term, csv.column("term"));
  FlagRules rules;
  std::vector<std::string> row;
  while (csv.next(row)) {
    Rule rule;
    auto flag = parse_product_flag(row[c_flag]);
    if (!flag.ok()) return csv.error("flag", flag.status().message());
    rule.flag = *flag;
    std::string term = lower_ascii(row[c_term]);
    if (term.empty()) return csv.error("term", "empty");
    const std::string& match = row[c_match];
    if (match == "keyword") {
      rule.match = Match::kKeyword;
      if (term.back() == '*') {
        rule.prefix = true;
        term.pop_back();
      }
      rule.anywhere = has_non_ascii(term);
    } else if (match == "hs") {
      rule.match = Match::kHs;
      auto hs = normalize_hs(term);
      if (!hs.ok() || hs->empty()) return csv.error("term", "not an HS prefix: '" + term + "'");
    } else if (match == "flag") {
      rule.match = Match::kFlag;
      auto by = parse_product_flag(term);
      if (!by.ok()) return csv.error("term", by.status().message());
      rule.implied_by = *by;
    } else {
      return csv.error("match", "expected keyword, hs or flag, got '" + match + "'");
    }
    rule.term = std::move(term);
    rules.rules_.push_back(std::move(rule));
  }
  RETURN_IF_ERROR(csv.status());
  return rules;
}

StatusOr<ProductFacts> FlagRules::derive(const ProductDescription& product) const {
  ASSIGN_OR_RETURN(ProductFacts facts,
                   ProductFacts::make(product.title, product.hs_code, product.certificates));
  std::string attributes;
  for (const auto& [key, value] : product.attributes) attributes += key + ": " + value + "; ";
  const std::array<std::pair<std::string_view, std::string>, 3> fields = {{
      {"title", lower_ascii(product.title)},
      {"description", lower_ascii(product.description)},
      {"attributes", lower_ascii(attributes)},
  }};
  for (const Rule& rule : rules_) {
    if (facts.has(rule.flag)) continue;
    if (rule.match == Match::kKeyword) {
      for (const auto& [name, text] : fields) {
        bool hit = rule.anywhere ? text.find(rule.term) != std::string::npos
                                 : contains_word(text, rule.term, rule.prefix);
        if (hit) {
          facts.set_flag(rule.flag, "keyword '" + rule.term + (rule.prefix ? "*" : "") + "' in " +
                                        std::string(name));
          break;
        }
      }
    } else if (rule.match == Match::kHs && facts.hs_code().starts_with(rule.term)) {
      facts.set_flag(rule.flag, "HS " + facts.hs_code() + " under " + rule.term);
    }
  }
  // Implications until a fixed point; the rule list is small, so a few passes suffice.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Rule& rule : rules_) {
      if (rule.match != Match::kFlag || facts.has(rule.flag) || !facts.has(rule.implied_by)) {
        continue;
      }
      facts.set_flag(rule.flag, "implied by " + std::string(product_flag_name(rule.implied_by)));
      changed = true;
    }
  }
  return facts;
}

}  // namespace kontor::compliance
