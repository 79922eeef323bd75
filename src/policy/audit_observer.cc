#include "policy/audit_observer.h"

#include <cstdio>
#include <set>

#include "crew/case.h"
#include "policy/redaction.h"
#include "store/journal.h"

namespace kontor::policy {
namespace {

using nlohmann::json;

void collect_provenance(const json& value, std::set<std::string>& seen, json& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (key == "provenance" && child.is_object() && !child.empty()) {
        if (seen.insert(child.dump()).second) out.push_back(child);
      } else {
        collect_provenance(child, seen, out);
      }
    }
  } else if (value.is_array()) {
    for (const json& child : value) collect_provenance(child, seen, out);
  }
}

// The figures a section states and where each came from; bound to the section version the
// event names (a later version's sources would be a different claim).
void add_section_sources(store::Store& store, const crew::CaseState& state, json& body) {
  const std::string name = body.value("section", "");
  auto section = crew::read_section(store, state.case_id, name);
  json sources = json::array();
  if (section.ok() && *section && (*section)->version == body.value("version", -1)) {
    std::set<std::string> seen;
    collect_provenance((*section)->body, seen, sources);
    body["writer"] = (*section)->writer;
  } else {
    body["sources_note"] = "section changed or unreadable when audited";
  }
  body["sources"] = std::move(sources);
}

}  // namespace

AuditItem audit_item(store::Store& store, const store::JournalEvent& event,
                     const crew::CaseState& state) {
  json body = event.data.is_object() ? event.data : json{{"data", event.data}};
  body["journal_seq"] = event.seq;
  if (event.type == "section.written") {
    add_section_sources(store, state, body);
  } else if (event.type.rfind("action.", 0) == 0 && event.type != "action.proposed") {
    // Approvals and outcomes name the action by key only; the kind says what was approved.
    const std::string key = body.value("key", "");
    for (const crew::ActionRecord& a : state.actions) {
      if (a.key == key) body["action_kind"] = a.kind;
    }
  }
  return {event.type, std::move(body)};
}

AuditObserver::AuditObserver(store::Store& store) : store_(store), log_(store) {}

void AuditObserver::on_event(const store::JournalEvent& event, const crew::CaseState& state) {
  std::lock_guard lock(mutex_);
  Status status = audit(event, state);
  if (!status.ok() && failure_.ok()) {
    failure_ = status;
    std::fprintf(stderr, "kontor: audit: %s\n", redact(status.message()).c_str());
  }
}

Status AuditObserver::status() const {
  std::lock_guard lock(mutex_);
  return failure_;
}

Status AuditObserver::audit(const store::JournalEvent& event, const crew::CaseState& state) {
  ASSIGN_OR_RETURN(AuditHead head, log_.head(state.case_id));
  if (event.seq <= head.journal_seq) return ok_status();  // audited before (a resumed run)
  if (event.seq > head.journal_seq + 1) {
    // Events committed while no observer ran (a crash between commit and audit): in order.
    store::Journal journal(store_, state.case_id);
    RETURN_IF_ERROR(journal.read(head.journal_seq, [&](const store::JournalEvent& missed) {
      if (missed.seq >= event.seq) return ok_status();
      return append_one(missed, state);
    }));
  }
  return append_one(event, state);
}

Status AuditObserver::append_one(const store::JournalEvent& event, const crew::CaseState& state) {
  AuditItem item = audit_item(store_, event, state);
  ASSIGN_OR_RETURN(auto txn, store_.begin());
  RETURN_IF_ERROR(
      log_.append(*txn, state.case_id, item.kind, std::move(item.body), event.at, event.seq)
          .status());
  return txn->commit();
}

}  // namespace kontor::policy
