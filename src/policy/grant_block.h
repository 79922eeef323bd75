// Internal to grant.cc: a block's canonical JSON body and the rule that every block only
// restricts the ones before it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "policy/grant.h"

namespace kontor::policy::detail {

// The canonical body (see grant.h) of `block` naming `next` as the next signer.
std::string block_body(const Block& block, const PublicKey& next);
// Parses and validates a body; errors say "block <index>: <field>: <reason>".
StatusOr<std::pair<Block, PublicKey>> parse_block_body(std::string_view body, std::size_t index);
// Field checks that do not depend on other blocks (patterns, currencies, amounts > 0).
Status validate_block(const Block& block, std::size_t index);

// Block 0 → the effective grant; then each later block narrows it, or the error names the
// block and the field that would widen it. `counter` identifies the block's budget.
StatusOr<EffectiveGrant> start_effective(const Block& root_block, std::string counter);
Status narrow_effective(EffectiveGrant& effective, const Block& block, std::size_t index,
                        std::string counter);

}  // namespace kontor::policy::detail
