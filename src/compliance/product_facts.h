// ProductFacts: what the market-requirements rules need to know about one product — its HS
// code, a small set of attribute flags (electrical, wireless, children's, food-contact, …) and
// the certificates the supplier already holds. Flags are derived from the product text and HS
// code by plain keyword rules kept in data/market_requirements_flags.csv (documented in
// data/market_requirements.md), so every flag carries the reason it was set; a caller (or the
// human) can set or clear a flag explicitly when the text misleads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kontor::compliance {

enum class ProductFlag {
  kElectrical,      // electrical or electronic equipment of any voltage
  kMainsPowered,    // rated for mains (50–1000 V AC): plug, power cord, 230 V, AC adapter
  kBattery,         // contains or is a battery
  kLithiumBattery,  // lithium-ion / lithium-metal cells or batteries (UN 3090/3091/3480/3481)
  kButtonCell,      // button or coin cell battery
  kWireless,        // intentional radio transmitter (Bluetooth, Wi-Fi, RF remote…)
  kConnectable,     // can connect to the internet or to a network-connected device
  kChildren,        // designed or intended primarily for children
  kToy,             // a toy (implies children)
  kFoodContact,     // intended to come into contact with food or drink
  kPlastic,         // made (wholly or partly) of plastics
  kTextile,         // textile product (apparel, fabrics, home textiles)
  kMachinery,       // machinery in the sense of the machinery rules (power tools, mowers…)
};
inline constexpr int kProductFlagCount = 13;

std::string_view product_flag_name(ProductFlag flag);  // "lithium_battery"
StatusOr<ProductFlag> parse_product_flag(std::string_view name);

// The product as described by a listing or a supplier's offer.
struct ProductDescription {
  std::string title;
  std::string description;
  std::map<std::string, std::string> attributes;  // e.g. {"material": "stainless steel"}
  std::string hs_code;                            // digits, dots allowed ("8518.22", "851822")
  std::vector<std::string> certificates;          // held by the supplier: "CE-RED", "FCC", …
};

// One flag and why it is set: "keyword 'bluetooth' in title", "HS 850760 under 8507",
// "implied by lithium_battery", "set by caller: …".
struct FlagReason {
  ProductFlag flag;
  std::string reason;
};

class ProductFacts {
 public:
  ProductFacts() = default;
  // `hs_code` is normalised to digits; an HS code with non-digits other than dots or spaces,
  // or with fewer than 2 digits, is invalid_argument naming field 'hs_code'. Empty is allowed.
  static StatusOr<ProductFacts> make(std::string title, std::string hs_code,
                                     std::vector<std::string> certificates);

  const std::string& title() const { return title_; }
  const std::string& hs_code() const { return hs_code_; }  // digits only, may be empty
  const std::vector<std::string>& certificates() const { return certificates_; }
  const std::vector<FlagReason>& flags() const { return flags_; }

  bool has(ProductFlag flag) const { return reason(flag) != nullptr; }
  // The reason the flag is set, or null.
  const std::string* reason(ProductFlag flag) const;
  // The certificate as the supplier wrote it when one matches `token` (compared on letters and
  // digits only, case-insensitively: "CE-RED" == "ce red" == "CERED"); nullopt otherwise.
  std::optional<std::string> held(std::string_view token) const;

  // Sets (or re-explains) a flag; keeps the first reason when already set by derivation.
  void set_flag(ProductFlag flag, std::string reason);
  // Removes a flag the text suggested wrongly ("not a children's product").
  void clear_flag(ProductFlag flag);

 private:
  std::string title_;
  std::string hs_code_;
  std::vector<std::string> certificates_;
  std::vector<FlagReason> flags_;
};

// Upper-case letters and digits of a certificate or evidence name: "CE-LVD" -> "CELVD".
std::string certificate_key(std::string_view text);

// The keyword rules of data/market_requirements_flags.csv.
class FlagRules {
 public:
  // data_loss naming file, line and field on a malformed row.
  static StatusOr<FlagRules> load(const std::string& path);
  static StatusOr<FlagRules> parse(std::string_view text, const std::string& file);

  // Derives the flags of a described product: keywords (whole words, case-insensitive; a
  // trailing '*' matches a word prefix; keywords with non-ASCII letters, e.g. Chinese, match
  // anywhere) in title, description and attributes; HS prefixes; then implications until
  // nothing changes (lithium_battery ⇒ battery ⇒ electrical, toy ⇒ children, …).
  StatusOr<ProductFacts> derive(const ProductDescription& product) const;

  std::size_t size() const { return rules_.size(); }

 private:
  enum class Match { kKeyword, kHs, kFlag };
  struct Rule {
    ProductFlag flag;
    Match match;
    std::string term;  // lower-case keyword, HS digits, or the implying flag's name
    ProductFlag implied_by = ProductFlag::kElectrical;
    bool prefix = false;    // keyword ended in '*'
    bool anywhere = false;  // keyword has non-ASCII bytes: substring match
  };
  std::vector<Rule> rules_;
};

}  // namespace kontor::compliance
