// What the crew commands need from grants: `--grant TOKEN` makes the crew act under a verified
// grant (policy::GrantPolicy); without it the runner keeps its default policy.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "crew/actions.h"

namespace kontor::cli {

// nullptr for an empty token. The grant is verified with the workspace root key (next to the
// database `db`); an invalid grant is refused here rather than denying every action later.
StatusOr<std::unique_ptr<crew::Policy>> grant_policy_for(const std::string& token,
                                                         const std::string& db);

}  // namespace kontor::cli
