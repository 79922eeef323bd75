// What a case needs from its owner: open questions (candidate answers as buttons, or free text)
// and actions waiting for approval (what, amount, counterparty, why; approve, or deny with a
// reason). Used on the case page and in the inbox across cases.
import { api, Approval, CaseSummary, money, Question } from "./api";
import { announce, h, uid } from "./dom";
import { clearError, errorBox, showError } from "./errors";
import { row } from "./widgets";

// Tells the caller that the case changed (answered/approved/denied) and should be refetched.
export type OnChanged = (summary: CaseSummary | null) => void;

export function needsYouSignature(summary: CaseSummary): string {
  return [...summary.open_questions.map((q) => `q:${q.id}`), ...summary.pending_approvals.map((a) => `a:${a.key}:${a.state}`)].join("|");
}

export function needsYouItems(summary: CaseSummary, onChanged: OnChanged): HTMLElement[] {
  return [
    ...summary.open_questions.map((q) => questionCard(summary.case_id, q, onChanged)),
    ...summary.pending_approvals.map((a) => approvalCard(summary.case_id, a, onChanged)),
  ];
}

function questionCard(caseId: string, question: Question, onChanged: OnChanged): HTMLElement {
  const error = errorBox();
  const titleId = uid("q");
  const inputId = uid("answer");
  const input = h("input", { id: inputId, name: "text", type: "text", required: true, autocomplete: "off" });
  const form: HTMLFormElement = h("form", { class: "free-answer" },
    h("label", { for: inputId }, "Or your own answer"),
    h("div", { class: "inline" }, input, h("button", { type: "submit" }, "Send answer")));
  const card = h("article", { class: "card question", "aria-labelledby": titleId, "data-question": question.id },
    h("p", { class: "kind" }, "Question", question.asked_by ? ` from ${question.asked_by}` : ""),
    h("h3", { id: titleId }, question.text),
    question.options.length
      ? h("div", { class: "options", role: "group", "aria-label": "Candidate answers" },
          question.options.map((option) => h("button", { type: "button", class: "option", onclick: () => send(option) }, option)))
      : null,
    form,
    error);
  const send = async (text: string) => {
    clearError(error, form);
    if (!text.trim()) {
      input.setAttribute("aria-invalid", "true");
      showError(error, new Error("Type an answer or pick one of the candidates."));
      input.focus();
      return;
    }
    setBusy(card, true);
    try {
      const summary = await api.answer(caseId, question.id, text.trim());
      announce(`Answer to “${question.id}” recorded; the crew continues.`);
      onChanged(summary);
    } catch (err) {
      setBusy(card, false);
      showError(error, err, form);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send(input.value);
  });
  return card;
}

function approvalCard(caseId: string, action: Approval, onChanged: OnChanged): HTMLElement {
  const error = errorBox();
  const titleId = uid("a");
  const reasonId = uid("reason");
  const reason = h("input", { id: reasonId, name: "reason", type: "text", autocomplete: "off" });
  const decide = async (approve: boolean) => {
    clearError(error, form);
    if (!approve && !reason.value.trim()) {
      reason.setAttribute("aria-invalid", "true");
      showError(error, new Error("Say why you deny it (the reason is recorded)."));
      reason.focus();
      return;
    }
    setBusy(card, true);
    try {
      const summary = approve ? await api.approve(caseId, action.key) : await api.deny(caseId, action.key, reason.value.trim());
      announce(approve ? `Approved ${action.kind}.` : `Denied ${action.kind}.`);
      onChanged(summary);
    } catch (err) {
      setBusy(card, false);
      showError(error, err, form);
    }
  };
  const form: HTMLFormElement = h("form", { class: "deny" },
    h("label", { for: reasonId }, "Reason to deny"),
    h("div", { class: "inline" }, reason, h("button", { type: "submit", class: "danger" }, "Deny")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void decide(false);
  });
  const card = h("article", { class: "card approval", "aria-labelledby": titleId, "data-action": action.key },
    h("p", { class: "kind" }, "Approval needed", action.task ? ` · from ${action.task}` : ""),
    h("h3", { id: titleId }, actionTitle(action)),
    h("dl", { class: "facts" },
      row("Action", h("code", null, action.kind)),
      row("Amount", h("strong", null, money(action.amount))),
      row("Counterparty", action.counterparty ?? "—"),
      action.reference ? row("Reference", action.reference) : null,
      row("Why", action.reason ?? "No reason given"),
      action.state === "outcome_unknown" ? row("Note", "It may have run before a crash: check before approving again.") : null),
    h("div", { class: "actions" }, h("button", { type: "button", class: "primary", onclick: () => void decide(true) }, "Approve")),
    form,
    error);
  return card;
}

function actionTitle(action: Approval): string {
  const what = action.kind.replace(/[._]/g, " ");
  return action.counterparty ? `${what}: ${action.counterparty}` : what;
}

function setBusy(card: HTMLElement, busy: boolean): void {
  card.setAttribute("aria-busy", String(busy));
  for (const control of Array.from(card.querySelectorAll<HTMLButtonElement | HTMLInputElement>("button, input"))) {
    control.disabled = busy;
  }
}
