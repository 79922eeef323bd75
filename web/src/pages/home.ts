// Home: the goal box (a new case from one sentence) and the workspace's cases, newest first.
import { api, CaseListEntry } from "../api";
import { h, replace } from "../dom";
import { clearError, errorBox, showError } from "../errors";
import { statusBadge } from "../widgets";

export const kExampleGoal =
  "Source 2,000 insulated stainless steel bottles for Germany, retail €24.99, in stock by March";

export function renderHome(main: HTMLElement): () => void {
  const error = errorBox();
  const goal = h("textarea", {
    id: "goal",
    name: "goal",
    rows: 3,
    maxlength: 2000,
    required: true,
    placeholder: kExampleGoal,
    "aria-describedby": "goal-hint",
  });
  const submit = h("button", { type: "submit", class: "primary" }, "Start the crew");
  const form: HTMLFormElement = h(
    "form",
    { class: "goal-form", "aria-labelledby": "goal-title", novalidate: true },
    h("label", { for: "goal" }, "Your goal"),
    goal,
    h("p", { id: "goal-hint", class: "hint" }, "One sentence: what, how many, for which market, at what retail price, by when. Any language."),
    error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", class: "link", onclick: () => { goal.value = kExampleGoal; goal.focus(); } }, "Use the example")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError(error, form);
    submit.disabled = true;
    submit.textContent = "Starting…";
    try {
      const created = await api.createCase(goal.value.trim());
      window.location.hash = `#/cases/${encodeURIComponent(created.case_id)}`;
    } catch (err) {
      showError(error, err, form);
      submit.disabled = false;
      submit.textContent = "Start the crew";
    }
  });

  const list = h("div", { "aria-live": "polite" }, h("p", { class: "muted" }, "Loading cases…"));
  replace(
    main,
    h("section", { class: "hero", "aria-labelledby": "goal-title" },
      h("h1", { id: "goal-title" }, "What do you want to source?"),
      h("p", { class: "lede" }, "A crew of agents finds suppliers, classifies the goods, computes duty, VAT and the landed cost with the source of every figure, plans shipping and drafts the listing. It asks you where it is unsure or where money moves."),
      form),
    h("section", { "aria-labelledby": "cases-title" }, h("h2", { id: "cases-title" }, "Your cases"), list),
  );
  void loadCases(list);
  return () => {};
}

async function loadCases(list: HTMLElement): Promise<void> {
  try {
    const { cases } = await api.listCases();
    if (cases.length === 0) {
      replace(list, h("p", { class: "muted" }, "No cases yet: state a goal above."));
      return;
    }
    replace(list, h("ul", { class: "case-list" }, cases.map(caseItem)));
  } catch (err) {
    const box = errorBox();
    replace(list, box);
    showError(box, err);
  }
}

function caseItem(entry: CaseListEntry): HTMLElement {
  return h("li", null,
    h("a", { href: `#/cases/${encodeURIComponent(entry.id)}` },
      h("span", { class: "case-goal" }, entry.goal),
      h("span", { class: "case-meta" }, statusBadge(entry.status), h("span", { class: "mono" }, entry.id), h("span", null, entry.as_of))));
}
