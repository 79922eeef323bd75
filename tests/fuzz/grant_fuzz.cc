// libFuzzer target for grant tokens ("kg1." + base64url, policy/grant.h): any bytes either parse
// into a grant or are rejected with a reason — never a crash, a hang or a sanitizer report. A
// parsed token must encode back to itself, and verification against a fixed root key gives a
// Status (a forged token is an error, not a crash).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "policy/grant.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const kontor::policy::KeyPair root = kontor::policy::KeyPair::from_seed({});
  for (const std::string& token : {std::string(text), "kg1." + std::string(text)}) {
    auto grant = kontor::policy::Grant::parse(token);
    if (!grant.ok()) {
      if (grant.status().message().empty()) std::abort();
      continue;
    }
    auto again = kontor::policy::Grant::parse(grant->encode());
    if (!again.ok()) std::abort();  // what parsed must re-encode into a parseable token
    (void)grant->effective(root.public_key);
  }
  (void)kontor::policy::parse_time(text);
  (void)kontor::policy::parse_cap(text);
  return 0;
}
