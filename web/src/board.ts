// The crew board: one card per agent with its tasks, each task's state and progress. It folds
// the stream's task events into the task list it got from the case summary, so it moves live
// without refetching; the page refetches the summary on case.status for everything else.
import { Progress, Task, TaskStateName } from "./api";
import { h, replace } from "./dom";
import { progressBar, statusBadge } from "./widgets";
import type { StreamEvent } from "./stream";

const kAgents: Record<string, string> = {
  research: "Research",
  sourcing: "Sourcing",
  compliance: "Compliance",
  logistics: "Logistics",
  finance: "Finance",
  listing: "Listing",
  negotiation: "Negotiation",
};

export class CrewBoard {
  private tasks: Task[] = [];
  private frame = 0;
  readonly element: HTMLElement;

  constructor() {
    this.element = h("div", { class: "board", id: "crew-board" });
  }

  setTasks(tasks: Task[]): void {
    this.tasks = tasks.map((t) => ({ ...t }));
    this.schedule();
  }

  // Returns a sentence worth announcing to screen readers, or "" for routine changes.
  apply(event: StreamEvent): string {
    const data = event.data ?? {};
    const id = typeof data.task === "string" ? data.task : "";
    const task = this.tasks.find((t) => t.id === id);
    const set = (state: TaskStateName) => {
      if (!task) return;
      task.state = state;
      if (state !== "running") task.progress = null;
    };
    switch (event.type) {
      case "task.added": {
        const spec = data.task as Partial<Task> | undefined;
        if (spec?.id && !this.tasks.some((t) => t.id === spec.id)) {
          this.tasks.push({
            id: spec.id, agent: spec.agent ?? "", title: spec.title ?? spec.id, after: spec.after ?? [],
            state: "pending", attempts: 0, error: "", waiting_on: [], added_by: String(data.by ?? ""), progress: null,
          });
        }
        break;
      }
      case "task.started":
        set("running");
        if (task) task.attempts += 1;
        break;
      case "task.done":
        set("done");
        this.schedule();
        return task ? `${task.title}: done` : "";
      case "task.failed":
        set("failed");
        if (task) task.error = String(data.error ?? "");
        this.schedule();
        return task ? `${task.title}: failed` : "";
      case "task.waiting":
        set("waiting");
        if (task) task.waiting_on = (data.questions as string[]) ?? [];
        this.schedule();
        return task ? `${task.title}: waiting for your answer` : "";
      case "task.requeued":
      case "task.interrupted":
        set("pending");
        break;
      case "task.progress": {
        const progressed = this.tasks.find((t) => t.id === event.task);
        if (progressed) {
          progressed.state = "running";
          progressed.progress = { done: Number(event.done), total: Number(event.total), what: String(event.what ?? "") };
        }
        break;
      }
      default:
        return "";
    }
    this.schedule();
    return "";
  }

  // Many progress ticks arrive per second: draw at most once per animation frame.
  private schedule(): void {
    if (this.frame) return;
    this.frame = window.requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const byAgent = new Map<string, Task[]>();
    for (const task of this.tasks) {
      const list = byAgent.get(task.agent) ?? [];
      list.push(task);
      byAgent.set(task.agent, list);
    }
    const order = [...Object.keys(kAgents), ...[...byAgent.keys()].filter((a) => !(a in kAgents))];
    const cards = order.filter((agent) => byAgent.has(agent)).map((agent) => agentCard(agent, byAgent.get(agent)!));
    replace(this.element, cards.length ? cards : h("p", { class: "muted" }, "The crew is being assembled…"));
  }
}

function agentState(tasks: Task[]): TaskStateName {
  for (const state of ["failed", "running", "waiting", "pending"] as TaskStateName[]) {
    if (tasks.some((t) => t.state === state)) return state;
  }
  return "done";
}

function agentCard(agent: string, tasks: Task[]): HTMLElement {
  const state = agentState(tasks);
  const done = tasks.filter((t) => t.state === "done").length;
  const name = kAgents[agent] ?? agent;
  return h("article", { class: `agent agent-${state}`, "data-agent": agent, "data-state": state, "aria-label": `${name} agent` },
    h("header", null, h("h3", null, name), statusBadge(state)),
    progressBar(`${name}: ${done} of ${tasks.length} tasks done`, done, tasks.length),
    h("ul", { class: "tasks" }, tasks.map(taskItem)));
}

function taskItem(task: Task): HTMLElement {
  return h("li", { class: `task task-${task.state}`, "data-task": task.id, "data-state": task.state },
    h("div", { class: "task-head" }, h("span", { class: "task-title" }, task.title), statusBadge(task.state)),
    task.progress ? progressLine(task.title, task.progress) : null,
    task.state === "waiting" ? h("p", { class: "task-note" }, "Waiting for your answer (see “Needs you”).") : null,
    task.state === "failed" && task.error ? h("p", { class: "task-note error-text" }, task.error) : null,
    task.added_by ? h("p", { class: "task-note muted" }, `Added by ${task.added_by}`) : null);
}

function progressLine(title: string, progress: Progress): HTMLElement {
  return h("div", { class: "task-progress" },
    progressBar(`${title}: ${progress.done} of ${progress.total} ${progress.what}`, progress.done, progress.total),
    h("span", { class: "muted" }, `${progress.done}/${progress.total} ${progress.what}`));
}
