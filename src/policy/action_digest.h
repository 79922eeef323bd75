// Action digests: the fingerprint an approval is bound to. A human (or a grant) approves one
// exact action — its case, kind, amount, currency, counterparty, reference and parameters — and
// the executor recomputes the digest just before carrying it out, so any change of a parameter
// after the approval voids it. The digest is BLAKE2b-256 over a versioned, canonical text
// (key-sorted compact JSON; the agent's free-text "reason" is left out, as in the outbox
// idempotency key), printed as 64 lowercase hex digits.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "crew/agent.h"
#include "store/outbox.h"

namespace kontor::policy {

// The exact bytes that are hashed: "kontor-action-v1\n<case id>\n<canonical JSON>".
std::string action_canonical_form(std::string_view case_id, const nlohmann::json& action_json);

// Over the outbox form of an action (crew::action_to_json); "reason" is ignored.
std::string action_digest(std::string_view case_id, const nlohmann::json& action_json);
std::string action_digest(std::string_view case_id, const crew::ProposedAction& action);
std::string action_digest(const store::OutboxAction& action);

// Lowercase hex of `bytes`.
std::string to_hex(std::string_view bytes);

}  // namespace kontor::policy
