// Capability grants: what the crew may do on its own — which actions, with which counterparties,
// up to what amount per action and in total, until when, in which cases. A grant is a chain of
// blocks signed with Ed25519 (libsodium), Biscuit-style, so that it can be narrowed offline and
// checked with nothing but the workspace's root public key:
//
// - Block 0 is signed by the workspace root key. Every block names the public key of the next
//   signer ("next"); the token carries that key's private seed (the "proof"), so its holder can
//   append a block signed with it, naming a fresh next key and carrying the fresh proof on.
// - Block i is signed over "kontor-grant-v1\0" + block i-1's signature + block i's body; blocks
//   cannot be reordered, dropped from the middle or spliced from another grant.
// - A block can only restrict: its actions and counterparties and cases must lie within the
//   previous ones, its caps be no higher (and in the same currency), its expiry no later;
//   "forbid" lists only add up. Verification rejects a widening block and names it; so the
//   effective grant is simply the last block's lists and caps, and every block's budget holds.
//
// Body: canonical JSON (sorted keys, compact, nothing unknown):
//   {"actions":["rfq.send","sample.*"],"budget":{"amount":"2000.00","currency":"EUR"},
//    "cases":["K…"],"counterparties":["SUP-1"],"expires":"2026-12-31T23:59:59Z",
//    "forbid":["payment.*"],"holder":"workspace","id":"g-…","max":{"amount":"500.00",
//    "currency":"EUR"},"next":"<base64url public key>","v":1}
// Block 0 must have id, actions and expires; later blocks carry no id, absent fields inherit.
// Action patterns: "rfq.send", "payment.*" (the kinds under "payment."), "*".
//
// Token: "kg1." + base64url (no padding) of: u8 version (1), u8 block count (1..32), per block
// u32 big-endian body length + body + 64-byte signature, then the 32-byte proof seed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/status.h"

namespace kontor::policy {

using PublicKey = std::array<unsigned char, 32>;
using Seed = std::array<unsigned char, 32>;
using Signature = std::array<unsigned char, 64>;

struct KeyPair {
  PublicKey public_key{};
  Seed seed{};  // the private key; crypto_sign_seed_keypair() derives the rest
  static KeyPair generate();
  static KeyPair from_seed(const Seed& seed);
};

std::string base64url(const unsigned char* data, std::size_t size);
template <std::size_t N>
std::string base64url(const std::array<unsigned char, N>& bytes) {
  return base64url(bytes.data(), N);
}
// Exactly N bytes, or invalid_argument naming `what`.
StatusOr<PublicKey> parse_public_key(std::string_view text, std::string_view what);

// A money cap in one currency: "500.00 EUR".
struct Cap {
  Decimal amount;
  std::string currency;
  std::string to_string() const;
  friend bool operator==(const Cap&, const Cap&) = default;
};
// "500EUR", "500 EUR", "500.00 eur".
StatusOr<Cap> parse_cap(std::string_view text);

// Unix seconds ↔ "2026-12-31T23:59:59Z"; parse_time also takes "2026-12-31" (its last second).
std::string format_time(std::int64_t unix_seconds);
StatusOr<std::int64_t> parse_time(std::string_view text);
std::int64_t unix_now();

struct Block {
  std::string id;      // block 0: "g-" + 16 hex digits; later blocks: ""
  std::string holder;  // who it is issued to: "workspace", "agent:buyer", …
  std::optional<std::vector<std::string>> actions;
  std::vector<std::string> forbid;  // kinds never allowed under this grant
  std::optional<std::vector<std::string>> counterparties;
  std::optional<Cap> max;  // per action
  std::optional<Cap> budget;
  std::optional<std::int64_t> expires;
  std::optional<std::vector<std::string>> cases;
};

bool pattern_matches(std::string_view pattern, std::string_view kind);
// Every kind `narrow` matches is matched by `wide`.
bool pattern_covers(std::string_view wide, std::string_view narrow);

// What a verified grant allows: the last block's lists and caps, every block's budget, all
// forbids.
struct EffectiveGrant {
  std::string id;
  std::string holder;
  std::vector<std::string> actions;
  std::vector<std::string> forbid;
  std::optional<std::vector<std::string>> counterparties;
  std::optional<std::vector<std::string>> cases;
  std::optional<Cap> max;
  std::int64_t expires = 0;
  struct Budget {
    std::string counter;  // the store key its spending is counted under
    std::size_t block = 0;
    Cap cap;
  };
  std::vector<Budget> budgets;
};

class Grant {
 public:
  // Block 0, signed by the root key. `block.id` empty → a random one.
  static StatusOr<Grant> create(const KeyPair& root, Block block);
  // Parses the structure and the bodies; signatures are checked by verify().
  static StatusOr<Grant> parse(std::string_view token);

  // Appends a block signed with the proof; rejected when it would widen the grant.
  StatusOr<Grant> attenuate(const Block& restriction) const;
  // As attenuate() without the widening check: lets tests build the tokens a forger would.
  StatusOr<Grant> attenuate_unchecked(const Block& restriction) const;

  // Signatures, the key chain, the proof and that every block only restricts. Not the expiry:
  // that depends on when it is used (EffectiveGrant::expires).
  Status verify(const PublicKey& root) const;
  // verify() and then the effective grant.
  StatusOr<EffectiveGrant> effective(const PublicKey& root) const;

  std::string encode() const;
  const std::string& id() const { return blocks_.front().block.id; }
  std::size_t size() const { return blocks_.size(); }
  const Block& block(std::size_t i) const { return blocks_[i].block; }

 private:
  struct Signed {
    std::string body;  // canonical JSON, as signed
    Signature signature{};
    Block block;
    PublicKey next{};
  };
  StatusOr<Grant> append(Block restriction, bool check) const;
  std::vector<Signed> blocks_;
  Seed proof_{};
};

}  // namespace kontor::policy
