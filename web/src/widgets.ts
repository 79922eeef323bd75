// Small shared pieces: status badges (text, not colour alone), progress bars, definition rows.
import { Child, h } from "./dom";

const kStatusText: Record<string, string> = {
  queued: "Queued",
  running: "Running",
  waiting: "Needs you",
  completed: "Completed",
  failed: "Failed",
  pending: "Pending",
  done: "Done",
  awaiting_approval: "Awaiting approval",
  approved: "Approved",
  denied: "Denied",
  executing: "Executing",
  outcome_unknown: "Outcome unknown",
  proposed: "Proposed",
};

export function statusText(status: string): string {
  return kStatusText[status] ?? status;
}

export function statusBadge(status: string): HTMLElement {
  return h("span", { class: `badge badge-${status}`, "data-status": status }, statusText(status));
}

export function progressBar(label: string, done: number, total: number): HTMLElement {
  const bar = h("progress", { max: Math.max(total, 1), value: Math.min(done, total), "aria-label": label });
  return bar;
}

export function row(term: string, ...value: Child[]): HTMLElement[] {
  return [h("dt", null, term), h("dd", null, ...value)];
}

// The header's inbox badge: how many cases wait for the owner.
export function setInboxCount(cases: number): void {
  const count = document.getElementById("inbox-count");
  if (!count) return;
  count.hidden = cases === 0;
  count.textContent = String(cases);
  count.setAttribute("aria-label", `${cases} ${cases === 1 ? "case needs" : "cases need"} you`);
}
