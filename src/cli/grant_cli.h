// What the crew commands need from grants: `--grant TOKEN` makes the crew act under a verified
// grant, stored with each case it acts in (policy::CaseGrantPolicy), so that `resume`, `approve`
// and the server later act under the same grant without being given it again.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "crew/actions.h"
#include "store/store.h"

namespace kontor::cli {

// A CaseGrantPolicy with the workspace root key (next to the database `db`) offering `token`
// ("" offers none: cases bound to a grant keep theirs, the others keep the default); nullptr
// when there is no root key and no token (no case can have a grant). The grant is verified here:
// an invalid one is refused rather than denying every action later.
StatusOr<std::unique_ptr<crew::Policy>> grant_policy_for(const std::string& token,
                                                         const std::string& db);

// Stores the grant `token` with case `case_id` (policy::CaseGrantPolicy::bind) unless it is
// bound already; "" does nothing. The policy binds it at the case's first proposed action; a
// `run --grant` whose case waits for a question before proposing any calls this after start()
// so that a later `answer` or `resume` without --grant still acts under it.
Status bind_case_grant(store::Store& store, const std::string& case_id, const std::string& token);

}  // namespace kontor::cli
