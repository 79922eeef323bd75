// The client of the `kontor serve` JSON API (docs/api.md): one function per endpoint, typed
// answers, and ApiError carrying the server's {code, message, field}. The token comes from the
// URL fragment (#token=kt_...), which never reaches the server, and is kept in sessionStorage.

export interface Money {
  amount: string;
  currency: string;
}

export type TaskStateName = "pending" | "running" | "waiting" | "done" | "failed";
export type CaseStatus = "queued" | "running" | "waiting" | "completed" | "failed";

export interface Progress {
  done: number;
  total: number;
  what: string;
}

export interface Task {
  id: string;
  agent: string;
  title: string;
  after: string[];
  state: TaskStateName;
  attempts: number;
  error: string;
  waiting_on: string[];
  added_by: string;
  progress: Progress | null;
}

export interface Question {
  id: string;
  field: string;
  task: string;
  asked_by: string;
  text: string;
  options: string[];
}

export interface Approval {
  key: string;
  kind: string;
  task: string;
  state: string;
  counterparty?: string;
  amount?: Money;
  reason?: string;
  reference?: string;
  params?: Record<string, unknown>;
}

export interface ActionEntry {
  key: string;
  kind: string;
  task: string;
  state: string;
  updated_at?: string;
  action?: { kind?: string; counterparty?: string; amount?: Money; reason?: string };
}

export interface CaseSummary {
  case_id: string;
  goal: string;
  skill: string;
  as_of: string;
  created_at: string;
  status: CaseStatus;
  seq: number;
  brief: Record<string, unknown>;
  tasks: Task[];
  blocked: string[];
  open_questions: Question[];
  pending_approvals: Approval[];
  actions: ActionEntry[];
  last_error: { code: string; message: string } | null;
}

export interface CaseListEntry {
  id: string;
  goal: string;
  status: CaseStatus;
  as_of: string;
  created_at: string;
  skill: string;
}

export interface SearchResult {
  product_id: string;
  offer_id: string;
  title: string;
  title_lang: string;
  category_path: string[];
  supplier: { id: string; name: string; country: string };
  tier_price: Money;
  tier_price_converted?: Money;
  fx?: string;
  score: number;
  moq?: number;
  lead_time_days?: number;
  certifications?: string[];
  matched_terms?: string[];
  explanation?: string;
  demo?: boolean;
}

export interface SearchResponse {
  demo: boolean;
  matches_estimated: number;
  query_lang: string;
  results: SearchResult[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const kTokenKey = "kontor.token";

// Moves a #token=... fragment into sessionStorage and drops it from the address bar (and the
// history), so the token is not bookmarked or shared by copying the address.
export function takeTokenFromUrl(): void {
  const match = /(?:^#|[&?/])token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(kTokenKey, decodeURIComponent(match[1]));
  history.replaceState(null, "", window.location.pathname + window.location.search + "#/");
}

export function token(): string | null {
  return sessionStorage.getItem(kTokenKey);
}

export function setToken(value: string): void {
  sessionStorage.setItem(kTokenKey, value.trim());
}

async function request<T>(method: string, path: string, body?: unknown, accept?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: accept ?? "application/json" };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError(0, "network", `Cannot reach the Kontor server (${String(err)}). Is kontor serve running?`);
  }
  if (!response.ok) {
    const error = await errorOf(response);
    // A token the server does not know is useless: forget it and let the app ask for another.
    if (response.status === 401) {
      sessionStorage.removeItem(kTokenKey);
      window.dispatchEvent(new CustomEvent("kontor:unauthenticated", { detail: error.message }));
    }
    throw error;
  }
  if (accept && accept !== "application/json") return (await response.text()) as T;
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error?.message) {
      return new ApiError(response.status, body.error.code ?? "error", body.error.message, body.error.field);
    }
  } catch {
    // not JSON: fall through to the status line
  }
  const hint = response.status === 401 ? " — open the address kontor serve printed (with #token=…)" : "";
  return new ApiError(response.status, "http", `The server answered ${response.status} ${response.statusText}${hint}`);
}

const enc = encodeURIComponent;

export const api = {
  health: () => request<{ status: string; version: string; demo_catalog?: boolean }>("GET", "/api/health"),
  listCases: () => request<{ cases: CaseListEntry[] }>("GET", "/api/cases"),
  createCase: (goal: string, fields?: Record<string, string>) =>
    request<{ case_id: string; status: CaseStatus }>("POST", "/api/cases", fields ? { goal, fields } : { goal }),
  getCase: (id: string) => request<CaseSummary>("GET", `/api/cases/${enc(id)}`),
  answer: (id: string, questionId: string, text: string) =>
    request<CaseSummary>("POST", `/api/cases/${enc(id)}/answers`, { question_id: questionId, text }),
  approve: (id: string, key: string) =>
    request<CaseSummary>("POST", `/api/cases/${enc(id)}/actions/${enc(key)}/approve`, {}),
  deny: (id: string, key: string, reason: string) =>
    request<CaseSummary>("POST", `/api/cases/${enc(id)}/actions/${enc(key)}/deny`, { reason }),
  reportHtml: (id: string) => request<string>("GET", `/api/cases/${enc(id)}/report?format=html`, undefined, "text/html"),
  reportJson: (id: string) => request<Record<string, unknown>>("GET", `/api/cases/${enc(id)}/report?format=json`),
  search: (params: URLSearchParams) => request<SearchResponse>("GET", `/api/search?${params.toString()}`),
};

// EventSource cannot send headers: the events endpoint takes the token as access_token.
export function eventsUrl(id: string, lastEventId?: number): string {
  const params = new URLSearchParams();
  const bearer = token();
  if (bearer) params.set("access_token", bearer);
  if (lastEventId !== undefined && lastEventId > 0) params.set("last_event_id", String(lastEventId));
  return `/api/cases/${enc(id)}/events?${params.toString()}`;
}

export function money(value: Money | undefined | null): string {
  return value ? `${value.amount} ${value.currency}` : "—";
}

// A converted price can carry many decimals (3.699384 EUR); shown rounded half-up to `places`
// with exact integer arithmetic on the decimal string (never a float), the exact text kept for
// a tooltip by the caller.
export function roundedAmount(amount: string, places = 2): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length <= places) return `${sign}${whole || "0"}.${fraction.padEnd(places, "0")}`;
  let scaled = BigInt(`${whole || "0"}${fraction.slice(0, places)}`);
  if (fraction.charCodeAt(places) >= 53) scaled += 1n;  // next digit >= '5': half-up
  const digits = scaled.toString().padStart(places + 1, "0");
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

export function moneyRounded(value: Money | undefined | null): string {
  return value ? `${roundedAmount(value.amount)} ${value.currency}` : "—";
}
