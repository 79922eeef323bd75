// The live event stream of one case (server-sent events, docs/api.md). Journal events carry their
// sequence number as the SSE id; after a drop the browser's EventSource reconnects on its own
// with Last-Event-ID, and when it gives up (server restarted, network gone) we open a new one
// from the last sequence seen, so no event is missed or applied twice.
import { eventsUrl } from "./api";

export interface StreamEvent {
  type: string;
  seq?: number;
  at?: string;
  data?: Record<string, any>;
  // non-journal messages (task.progress, case.status, case.error) put their fields at the top
  [key: string]: any;
}

const kEventTypes = [
  "case.created", "case.resumed", "case.status", "case.error", "brief.updated",
  "task.added", "task.started", "task.done", "task.failed", "task.waiting", "task.requeued",
  "task.interrupted", "task.progress", "section.written", "question.asked", "question.answered",
  "action.proposed", "action.approved", "action.awaiting_approval", "action.denied",
  "action.executing", "action.done", "action.failed", "action.outcome_unknown", "action.reconciled",
];

export type Connection = "connecting" | "live" | "reconnecting";

export class CaseStream {
  private source: EventSource | null = null;
  private timer = 0;
  private backoff = 1000;
  private stopped = false;

  constructor(
    private readonly caseId: string,
    private lastSeq: number,
    private readonly onEvent: (event: StreamEvent) => void,
    private readonly onConnection: (state: Connection) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }

  private open(): void {
    this.onConnection("connecting");
    const source = new EventSource(eventsUrl(this.caseId, this.lastSeq));
    this.source = source;
    const handle = (message: MessageEvent) => this.receive(message);
    for (const type of kEventTypes) source.addEventListener(type, handle as EventListener);
    source.onmessage = handle;
    source.onopen = () => {
      this.backoff = 1000;
      this.onConnection("live");
    };
    source.onerror = () => {
      if (this.stopped) return;
      this.onConnection("reconnecting");
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        this.timer = window.setTimeout(() => this.open(), this.backoff);
        this.backoff = Math.min(this.backoff * 2, 15000);
      }
    };
  }

  private receive(message: MessageEvent): void {
    let event: StreamEvent;
    try {
      event = JSON.parse(message.data) as StreamEvent;
    } catch {
      return;
    }
    if (!event.type) event.type = message.type;
    if (typeof event.seq === "number" && message.lastEventId) {
      if (event.seq <= this.lastSeq) return;  // already applied (replay overlap)
      this.lastSeq = event.seq;
    }
    this.onEvent(event);
  }
}
