// The workspace root key: the Ed25519 key that signs block 0 of every grant. Kept next to the
// workspace database as "grant-root.key" (base64url of the 32-byte seed, one line), created on
// first use with mode 0600 — never through a world-readable moment — and refused when its mode
// lets others read it. Verifying a grant needs only the public key (`kontor grant show` prints it).
#pragma once

#include <filesystem>

#include "core/status.h"
#include "policy/grant.h"

namespace kontor::policy {

inline constexpr const char* kRootKeyFile = "grant-root.key";

// Loads <folder>/grant-root.key, creating the folder and the key when missing.
StatusOr<KeyPair> load_or_create_root_key(const std::filesystem::path& folder);
// not_found when there is none yet.
StatusOr<KeyPair> load_root_key(const std::filesystem::path& folder);

}  // namespace kontor::policy
