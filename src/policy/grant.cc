#include "policy/grant.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstring>

#include "core/date.h"
#include "policy/action_digest.h"
#include "policy/grant_block.h"

namespace kontor::policy {
namespace {

constexpr std::string_view kPrefix = "kg1.";
constexpr std::size_t kMaxBlocks = 32;
constexpr std::size_t kMaxBody = 64 * 1024;
constexpr std::string_view kDomain{"kontor-grant-v1\0", 16};

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  KONTOR_CHECK(ready);
}

std::string signed_message(const Signature* previous, std::string_view body) {
  std::string message(kDomain);
  if (previous) message.append(reinterpret_cast<const char*>(previous->data()), previous->size());
  message.append(body);
  return message;
}

Signature sign(const Seed& seed, std::string_view message) {
  KeyPair pair = KeyPair::from_seed(seed);
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  std::memcpy(secret, pair.seed.data(), 32);
  std::memcpy(secret + 32, pair.public_key.data(), 32);
  Signature signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       secret);
  sodium_memzero(secret, sizeof secret);
  return signature;
}

bool signature_ok(const PublicKey& key, const Signature& signature, std::string_view message) {
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key.data()) == 0;
}

// Block 0's budget is counted under the grant id; a later block's under the grant id and the
// start of its signature, which differs for every block ever signed.
std::string counter_for(const std::string& grant_id, std::size_t index, const Signature& sig) {
  if (index == 0) return grant_id;
  return grant_id + "/" + std::to_string(index) + "-" +
         to_hex({reinterpret_cast<const char*>(sig.data()), 8});
}

bool parse_two(std::string_view text, std::size_t pos, int& out) {
  if (pos + 2 > text.size() || text[pos] < '0' || text[pos] > '9' || text[pos + 1] < '0' ||
      text[pos + 1] > '9') {
    return false;
  }
  out = (text[pos] - '0') * 10 + (text[pos + 1] - '0');
  return true;
}

}  // namespace

KeyPair KeyPair::generate() {
  ensure_sodium();
  Seed seed{};
  randombytes_buf(seed.data(), seed.size());
  return from_seed(seed);
}

KeyPair KeyPair::from_seed(const Seed& seed) {
  ensure_sodium();
  KeyPair pair;
  pair.seed = seed;
  unsigned char secret[crypto_sign_SECRETKEYBYTES];
  crypto_sign_seed_keypair(pair.public_key.data(), secret, seed.data());
  sodium_memzero(secret, sizeof secret);
  return pair;
}

std::string base64url(const unsigned char* data, std::size_t size) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(size, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

namespace {
StatusOr<std::string> from_base64url(std::string_view text, std::string_view what) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return invalid_argument(std::string(what) + ": not base64url (no padding)");
  }
  out.resize(length);
  return out;
}
}  // namespace

StatusOr<PublicKey> parse_public_key(std::string_view text, std::string_view what) {
  ASSIGN_OR_RETURN(std::string bytes, from_base64url(text, what));
  if (bytes.size() != 32) return invalid_argument(std::string(what) + ": not 32 bytes");
  PublicKey key{};
  std::memcpy(key.data(), bytes.data(), 32);
  return key;
}

std::string Cap::to_string() const {
  Decimal shown = amount.scale() < 2 ? amount.rounded(2, RoundingMode::kHalfEven) : amount;
  return shown.to_string() + " " + currency;
}

StatusOr<Cap> parse_cap(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  if (compact.size() < 4) {
    return invalid_argument("amount '" + std::string(text) + "': not like 500EUR");
  }
  std::string currency = compact.substr(compact.size() - 3);
  auto amount = Decimal::parse(std::string_view(compact).substr(0, compact.size() - 3));
  if (!amount.ok()) {
    return invalid_argument("amount '" + std::string(text) + "': " + amount.status().message());
  }
  return Cap{*amount, currency};
}

std::string format_time(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  std::int64_t rest = unix_seconds - days * 86400;
  Date date = Date::from_days(static_cast<std::int32_t>(days));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", date.to_string().c_str(),
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buffer;
}

StatusOr<std::int64_t> parse_time(std::string_view text) {
  auto date = Date::parse(text.substr(0, 10));
  if (!date.ok())
    return invalid_argument("time '" + std::string(text) + "': not YYYY-MM-DD[THH:MM:SSZ]");
  const std::int64_t day = static_cast<std::int64_t>(date->days_since_epoch()) * 86400;
  if (text.size() == 10) return day + 86399;
  int h = 0, m = 0, s = 0;
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z' || !parse_two(text, 11, h) || !parse_two(text, 14, m) ||
      !parse_two(text, 17, s) || h > 23 || m > 59 || s > 59) {
    return invalid_argument("time '" + std::string(text) + "': not YYYY-MM-DD[THH:MM:SSZ]");
  }
  return day + h * 3600 + m * 60 + s;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool pattern_matches(std::string_view pattern, std::string_view kind) {
  if (pattern == "*") return true;
  if (pattern.ends_with(".*")) return kind.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == kind;
}

bool pattern_covers(std::string_view wide, std::string_view narrow) {
  if (wide == "*" || wide == narrow) return true;
  if (!wide.ends_with(".*")) return false;
  return narrow.starts_with(wide.substr(0, wide.size() - 1));
}

StatusOr<Grant> Grant::create(const KeyPair& root, Block block) {
  if (block.id.empty()) {
    ensure_sodium();
    unsigned char random[8];
    randombytes_buf(random, sizeof random);
    block.id = "g-" + to_hex({reinterpret_cast<const char*>(random), sizeof random});
  }
  RETURN_IF_ERROR(detail::validate_block(block, 0));
  KeyPair next = KeyPair::generate();
  Grant grant;
  Signed first;
  first.body = detail::block_body(block, next.public_key);
  first.signature = sign(root.seed, signed_message(nullptr, first.body));
  first.block = std::move(block);
  first.next = next.public_key;
  grant.blocks_.push_back(std::move(first));
  grant.proof_ = next.seed;
  return grant;
}

StatusOr<Grant> Grant::attenuate(const Block& restriction) const {
  return append(restriction, true);
}

StatusOr<Grant> Grant::attenuate_unchecked(const Block& restriction) const {
  return append(restriction, false);
}

StatusOr<Grant> Grant::append(Block restriction, bool check) const {
  if (blocks_.size() >= kMaxBlocks) {
    return invalid_argument("grant " + id() + ": already " + std::to_string(kMaxBlocks) +
                            " blocks");
  }
  const std::size_t index = blocks_.size();
  if (check) {
    ASSIGN_OR_RETURN(EffectiveGrant effective, detail::start_effective(blocks_[0].block, ""));
    for (std::size_t i = 1; i < index; ++i) {
      RETURN_IF_ERROR(detail::narrow_effective(effective, blocks_[i].block, i, ""));
    }
    RETURN_IF_ERROR(detail::narrow_effective(effective, restriction, index, ""));
  }
  KeyPair next = KeyPair::generate();
  Signed block;
  block.body = detail::block_body(restriction, next.public_key);
  block.signature = sign(proof_, signed_message(&blocks_.back().signature, block.body));
  block.block = std::move(restriction);
  block.next = next.public_key;
  Grant grant = *this;
  grant.blocks_.push_back(std::move(block));
  grant.proof_ = next.seed;
  return grant;
}

Status Grant::verify(const PublicKey& root) const { return effective(root).status(); }

StatusOr<EffectiveGrant> Grant::effective(const PublicKey& root) const {
  const PublicKey* signer = &root;
  EffectiveGrant effective;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const Signed& b = blocks_[i];
    const Signature* previous = i == 0 ? nullptr : &blocks_[i - 1].signature;
    if (!signature_ok(*signer, b.signature, signed_message(previous, b.body))) {
      return invalid_argument("block " + std::to_string(i) + ": signature: does not verify" +
                              (i == 0 ? " with the workspace root key"
                                      : " with block " + std::to_string(i - 1) + "'s next key"));
    }
    std::string counter = counter_for(blocks_[0].block.id, i, b.signature);
    if (i == 0) {
      ASSIGN_OR_RETURN(effective, detail::start_effective(b.block, std::move(counter)));
    } else {
      RETURN_IF_ERROR(detail::narrow_effective(effective, b.block, i, std::move(counter)));
    }
    signer = &b.next;
  }
  if (KeyPair::from_seed(proof_).public_key != blocks_.back().next) {
    return invalid_argument("proof: does not match block " + std::to_string(blocks_.size() - 1) +
                            "'s next key");
  }
  return effective;
}

std::string Grant::encode() const {
  std::string bytes;
  bytes.push_back(1);
  bytes.push_back(static_cast<char>(blocks_.size()));
  for (const Signed& b : blocks_) {
    const auto n = static_cast<std::uint32_t>(b.body.size());
    for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((n >> shift) & 0xff));
    bytes += b.body;
    bytes.append(reinterpret_cast<const char*>(b.signature.data()), b.signature.size());
  }
  bytes.append(reinterpret_cast<const char*>(proof_.data()), proof_.size());
  return std::string(kPrefix) +
         base64url(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

StatusOr<Grant> Grant::parse(std::string_view token) {
  if (!token.starts_with(kPrefix)) return invalid_argument("token: does not start with 'kg1.'");
  ASSIGN_OR_RETURN(std::string bytes, from_base64url(token.substr(kPrefix.size()), "token"));
  std::string_view rest = bytes;
  auto take = [&rest](std::size_t n, std::string_view what) -> StatusOr<std::string_view> {
    if (rest.size() < n) return invalid_argument("token: truncated in " + std::string(what));
    std::string_view out = rest.substr(0, n);
    rest.remove_prefix(n);
    return out;
  };
  ASSIGN_OR_RETURN(std::string_view header, take(2, "the header"));
  if (header[0] != 1) {
    return invalid_argument("token: version " +
                            std::to_string(static_cast<unsigned char>(header[0])) + ": not 1");
  }
  const auto count = static_cast<unsigned char>(header[1]);
  if (count == 0 || count > kMaxBlocks) {
    return invalid_argument("token: block count " + std::to_string(count) + ": not 1.." +
                            std::to_string(kMaxBlocks));
  }
  Grant grant;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string where = "block " + std::to_string(i);
    ASSIGN_OR_RETURN(std::string_view length, take(4, where + " (length)"));
    std::uint32_t n = 0;
    for (char c : length) n = (n << 8) | static_cast<unsigned char>(c);
    if (n > kMaxBody) return invalid_argument(where + ": body: longer than 64 KiB");
    Signed b;
    ASSIGN_OR_RETURN(std::string_view body, take(n, where + " (body)"));
    b.body = std::string(body);
    ASSIGN_OR_RETURN(std::string_view signature, take(64, where + " (signature)"));
    std::memcpy(b.signature.data(), signature.data(), 64);
    ASSIGN_OR_RETURN(auto parsed, detail::parse_block_body(b.body, i));
    b.block = std::move(parsed.first);
    b.next = parsed.second;
    grant.blocks_.push_back(std::move(b));
  }
  ASSIGN_OR_RETURN(std::string_view proof, take(32, "the proof"));
  std::memcpy(grant.proof_.data(), proof.data(), 32);
  if (!rest.empty()) {
    return invalid_argument("token: " + std::to_string(rest.size()) + " bytes after the proof");
  }
  return grant;
}

}  // namespace kontor::policy
