// The inbox: every question and approval waiting for the owner, across the workspace's cases.
import { api, CaseSummary } from "../api";
import { h, replace } from "../dom";
import { errorBox, showError } from "../errors";
import { needsYouItems } from "../needs_you";
import { setInboxCount, statusBadge } from "../widgets";

export function renderInbox(main: HTMLElement): () => void {
  const body = h("div", { id: "inbox-body", "aria-live": "polite" }, h("p", { class: "muted" }, "Loading…"));
  replace(main,
    h("section", { "aria-labelledby": "inbox-title" },
      h("h1", { id: "inbox-title" }, "Inbox"),
      h("p", { class: "lede" }, "Questions the crew could not settle alone, and actions that move money or commit you: nothing leaves without your approval."),
      body));
  let stopped = false;
  const load = async () => {
    try {
      const { cases } = await api.listCases();
      const open = cases.filter((c) => c.status === "waiting" || c.status === "failed");
      const summaries = await Promise.all(open.map((c) => api.getCase(c.id)));
      if (stopped) return;
      const withItems = summaries.filter((s) => s.open_questions.length + s.pending_approvals.length > 0);
      setInboxCount(withItems.length);
      if (withItems.length === 0) {
        replace(body, h("p", { class: "empty" }, "Nothing waiting for you."));
        return;
      }
      replace(body, withItems.map((summary) => caseGroup(summary, () => void load())));
    } catch (err) {
      const box = errorBox();
      replace(body, box);
      showError(box, err);
    }
  };
  void load();
  return () => {
    stopped = true;
  };
}

function caseGroup(summary: CaseSummary, reload: () => void): HTMLElement {
  const id = `inbox-${summary.case_id}`;
  return h("section", { class: "inbox-case", "aria-labelledby": id },
    h("h2", { id }, h("a", { href: `#/cases/${encodeURIComponent(summary.case_id)}` }, summary.goal)),
    h("p", { class: "case-meta" }, statusBadge(summary.status), h("span", { class: "mono" }, summary.case_id)),
    h("div", { class: "needs-list" }, needsYouItems(summary, reload)));
}
