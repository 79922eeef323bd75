// The single-page app: hash routes (#/, #/cases/ID, #/inbox, #/search?…), one page mounted in
// <main> at a time; a page returns a cleanup (closing its event stream) run before the next.
import "./style.css";
import { api, setToken, takeTokenFromUrl, token } from "./api";
import { h, replace } from "./dom";
import { setInboxCount } from "./widgets";
import { renderHome } from "./pages/home";
import { renderCase } from "./pages/case";
import { renderInbox } from "./pages/inbox";
import { renderSearch } from "./pages/search";

type Cleanup = () => void;
let cleanup: Cleanup | null = null;
let rejected = "";  // the server's message when it refused the last token

function route(): void {
  takeTokenFromUrl();
  const main = document.getElementById("main")!;
  if (cleanup) cleanup();
  cleanup = null;
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  const parts = path.split("/").filter(Boolean);
  markNav(parts[0] ?? "home");
  if (!token()) {
    replace(main, tokenForm());
  } else if (parts[0] === "cases" && parts[1]) {
    cleanup = renderCase(main, decodeURIComponent(parts[1]));
  } else if (parts[0] === "inbox") {
    cleanup = renderInbox(main);
  } else if (parts[0] === "search") {
    cleanup = renderSearch(main, new URLSearchParams(query));
  } else {
    cleanup = renderHome(main);
  }
  // Move focus to the new page so keyboard and screen-reader users start at its top.
  if (document.activeElement === document.body || document.activeElement?.closest("nav")) {
    main.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
  void refreshInboxCount();
}

async function refreshInboxCount(): Promise<void> {
  if (!token()) return;
  try {
    const { cases } = await api.listCases();
    setInboxCount(cases.filter((c) => c.status === "waiting").length);
  } catch {
    // the page itself shows API errors
  }
}

function markNav(section: string): void {
  const current = section === "cases" ? "home" : section;
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("[data-nav]"))) {
    if (link.dataset.nav === current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function tokenForm(): HTMLElement {
  const input = h("input", { id: "token", name: "token", type: "password", autocomplete: "off", required: true, spellcheck: "false" });
  const form = h(
    "form",
    {
      class: "card narrow",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setToken(input.value);
        rejected = "";
        route();
      },
    },
    h("h1", { id: "token-title" }, "Connect to your workspace"),
    h("p", null, "Open the address that ", h("code", null, "kontor serve"), " printed (it ends in ", h("code", null, "#token=kt_…"), "), or paste a token made with ", h("code", null, "kontor token create"), "."),
    rejected ? h("div", { class: "error", role: "alert" }, h("strong", null, "The server refused the token: "), rejected) : null,
    h("label", { for: "token" }, "API token"),
    input,
    h("button", { type: "submit", class: "primary" }, "Connect"),
  );
  return h("section", { "aria-labelledby": "token-title" }, form);
}

async function showHealth(): Promise<void> {
  const status = document.getElementById("server-status");
  if (!status) return;
  try {
    const health = await api.health();
    status.textContent = `Kontor ${health.version}${health.demo_catalog ? " · demo marketplace (generated suppliers, not real companies)" : ""}`;
  } catch {
    status.textContent = "The Kontor server does not answer.";
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("kontor:unauthenticated", (event) => {
  rejected = String((event as CustomEvent).detail ?? "");
  route();
  document.getElementById("token")?.focus();
});
route();
void showHealth();
