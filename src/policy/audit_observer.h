// AuditObserver: turns the crew's journal into audit entries (policy/audit.h) as a case runs —
// tasks done or failed, sections written with the provenance of their figures, questions asked
// and answered, actions proposed, approved, denied, executed. Attached to the Runner like any
// display; the journal stays the truth and the audit log is its tamper-evident copy.
//
// Why not in the journal's transaction: observers run after the commit, so an audit append can
// be lost if the process dies in between. The head records the last journal event audited; the
// next event (in this process or after `resume`) first catches up on the events it missed, so
// the log is complete once the case moves again.
#pragma once

#include <mutex>
#include <string>

#include "core/status.h"
#include "crew/case_state.h"
#include "crew/observer.h"
#include "policy/audit.h"
#include "store/store.h"

namespace kontor::policy {

// The audit kind and body of one journal event. Sections get "sources": the distinct
// provenance records found anywhere in the section's body (empty when it has none).
struct AuditItem {
  std::string kind;
  nlohmann::json body;
};
AuditItem audit_item(store::Store& store, const store::JournalEvent& event,
                     const crew::CaseState& state);

class AuditObserver final : public crew::Observer {
 public:
  explicit AuditObserver(store::Store& store);
  void on_event(const store::JournalEvent& event, const crew::CaseState& state) override;
  // The first append that failed (ok while every event was audited). A failure is also printed
  // once to stderr, redacted.
  Status status() const;

 private:
  Status audit(const store::JournalEvent& event, const crew::CaseState& state);
  Status append_one(const store::JournalEvent& event, const crew::CaseState& state);

  store::Store& store_;
  AuditLog log_;
  mutable std::mutex mutex_;
  Status failure_;
};

}  // namespace kontor::policy
