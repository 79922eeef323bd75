// The case page: what the case needs from you, the live crew board, recent activity and the
// report. The summary is fetched once, then the event stream moves the board; on case.status
// (a background job started or ended) and on question/action events the summary is refetched.
import { api, CaseSummary } from "../api";
import { CrewBoard } from "../board";
import { announce, h, replace } from "../dom";
import { errorBox, errorText, showError } from "../errors";
import { needsYouItems, needsYouSignature } from "../needs_you";
import { CaseStream, Connection, StreamEvent } from "../stream";
import { statusBadge, statusText } from "../widgets";
import { ReportView } from "../report_view";

export function renderCase(main: HTMLElement, caseId: string): () => void {
  const board = new CrewBoard();
  const report = new ReportView(caseId);
  const title = h("h1", { id: "case-title", class: "goal-title" }, "Loading case…");
  const status = h("span", { id: "case-status" });
  const connection = h("span", { class: "connection", id: "connection" }, "");
  const error = errorBox();
  const needs = h("section", { id: "needs-you", "aria-labelledby": "needs-title", hidden: true },
    h("h2", { id: "needs-title" }, "Needs you"));
  const needsList = h("div", { class: "needs-list" });
  needs.appendChild(needsList);
  const boardTitle = h("h2", { id: "board-title", tabindex: -1 }, "The crew");
  const log = h("ol", { class: "activity", role: "log", "aria-label": "Crew activity" });
  replace(main,
    h("section", { class: "case-head", "aria-labelledby": "case-title" },
      h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Cases"), " / ", h("span", { class: "mono" }, caseId)),
      title,
      h("p", { class: "case-meta" }, status, connection),
      error),
    needs,
    h("section", { "aria-labelledby": "board-title" }, boardTitle, board.element),
    h("section", { "aria-labelledby": "activity-title", class: "activity-section" },
      h("h2", { id: "activity-title" }, "Activity"), log),
    report.element);

  let summary: CaseSummary | null = null;
  let signature = "";
  let stream: CaseStream | null = null;
  let refetchTimer = 0;
  let stopped = false;

  const show = (next: CaseSummary) => {
    const previous = summary?.status;
    summary = next;
    title.textContent = next.goal;
    replace(status, statusBadge(next.status));
    status.dataset.status = next.status;
    board.setTasks(next.tasks);
    const sig = needsYouSignature(next);
    if (sig !== signature) {
      signature = sig;
      // Keyboard users who just answered keep their place: the next item, else the board.
      const hadFocus = restoreFocus || needsList.contains(document.activeElement);
      restoreFocus = false;
      needs.hidden = sig === "";
      replace(needsList, needsYouItems(next, onChanged));
      if (hadFocus) {
        const target = needs.hidden ? boardTitle : needsList.querySelector<HTMLElement>("button, input");
        target?.focus();
      }
    }
    if (next.last_error) showError(error, new Error(`${next.last_error.code}: ${next.last_error.message}`));
    if (previous !== next.status) {
      if (previous) announce(`Case ${statusText(next.status).toLowerCase()}.`);
      if (next.status !== "queued" && next.status !== "running") void report.load();
    }
  };
  const refetch = () => {
    window.clearTimeout(refetchTimer);
    refetchTimer = window.setTimeout(async () => {
      try {
        show(await api.getCase(caseId));
      } catch (err) {
        showError(error, err);
      }
    }, 150);
  };
  let restoreFocus = false;  // set when the owner just acted in "Needs you"
  const onChanged = (next: CaseSummary | null) => {
    restoreFocus = true;
    if (next) show(next);
    else refetch();
  };
  // The stream replays the journal from the start (for the activity log); events the first
  // summary already includes are logged but not applied again.
  let summarySeq = 0;
  const onEvent = (event: StreamEvent) => {
    if (typeof event.seq === "number" && event.seq <= summarySeq) {
      addLog(log, event);
      return;
    }
    const said = board.apply(event);
    if (said) announce(said);
    addLog(log, event);
    if (event.type === "case.status") refetch();
    else if (event.type === "case.error") showError(error, new Error(`${event.code}: ${event.message}`));
    else if (/^(question|action)\.|^case\.created$|^task\.(waiting|failed)$/.test(event.type)) refetch();
  };
  const onConnection = (state: Connection) => {
    connection.textContent = state === "live" ? "● live" : state === "connecting" ? "connecting…" : "reconnecting…";
    connection.dataset.state = state;
  };

  void (async () => {
    try {
      const first = await api.getCase(caseId);
      if (stopped) return;
      show(first);
      summarySeq = first.seq;
      stream = new CaseStream(caseId, 0, onEvent, onConnection);
      stream.start();
    } catch (err) {
      title.textContent = "Case not available";
      showError(error, err);
    }
  })();

  return () => {
    stopped = true;
    window.clearTimeout(refetchTimer);
    stream?.stop();
  };
}

const kLogLimit = 40;

function addLog(log: HTMLElement, event: StreamEvent): void {
  const text = describe(event);
  if (!text) return;
  const time = event.at ? event.at.slice(11, 19) : "";
  log.prepend(h("li", null, h("time", { datetime: event.at ?? "" }, time), " ", text));
  while (log.children.length > kLogLimit) log.lastElementChild?.remove();
}

function describe(event: StreamEvent): string {
  const data = event.data ?? {};
  const task = typeof data.task === "string" ? data.task : "";
  switch (event.type) {
    case "case.created": return `Case created with ${(data.tasks as unknown[] | undefined)?.length ?? 0} tasks`;
    case "task.added": return `Task added by ${data.by}: ${data.task?.title ?? data.task?.id}`;
    case "task.started": return `${task} started`;
    case "task.done": return `${task} done`;
    case "task.failed": return `${task} failed: ${data.error ?? ""}`;
    case "task.waiting": return `${task} waits for an answer`;
    case "task.requeued": return `${task} continues`;
    case "section.written": return `${data.section} section written`;
    case "question.asked": return `Question: ${data.question?.text ?? ""}`;
    case "question.answered": return `Answered ${data.question}: ${data.answer}`;
    case "brief.updated": return "Brief updated from your answer";
    case "case.error": return `Error: ${event.message ?? errorText(event)}`;
    default:
      return event.type.startsWith("action.") ? `Action ${String(data.key ?? "").slice(0, 8)}: ${event.type.slice(7).replace("_", " ")}` : "";
  }
}
