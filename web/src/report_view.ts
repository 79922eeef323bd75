// The case report as the server renders it (standalone HTML: inline CSS and SVG charts, no
// scripts) in a sandboxed iframe sized to its content, with links to open or save it.
import { api } from "./api";
import { h, replace } from "./dom";
import { errorBox, showError } from "./errors";

export class ReportView {
  readonly element: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly status: HTMLElement;
  private readonly links: HTMLElement;
  private readonly error = errorBox();
  private url = "";

  constructor(private readonly caseId: string) {
    // allow-same-origin (without allow-scripts) lets us measure the height; the report runs no code.
    this.frame = h("iframe", { title: "Case report", class: "report-frame", sandbox: "allow-same-origin allow-popups", hidden: true });
    this.status = h("p", { class: "muted", "aria-live": "polite" }, "The report appears when the crew stops for you or finishes.");
    this.links = h("p", { class: "report-links" });
    this.element = h("section", { id: "report", "aria-labelledby": "report-title" },
      h("div", { class: "section-head" },
        h("h2", { id: "report-title" }, "Report"),
        h("button", { type: "button", onclick: () => void this.load() }, "Refresh report")),
      this.status, this.error, this.links, this.frame);
    this.frame.addEventListener("load", () => this.fit());
    window.addEventListener("resize", () => this.fit());
  }

  async load(): Promise<void> {
    this.error.hidden = true;
    this.status.textContent = "Loading the report…";
    try {
      const html = await api.reportHtml(this.caseId);
      this.frame.srcdoc = html;
      this.frame.hidden = false;
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
      replace(this.links,
        h("a", { href: this.url, target: "_blank", rel: "noopener" }, "Open the report in a new tab"), " · ",
        h("a", { href: this.url, download: `${this.caseId}.html` }, "Download HTML"));
      this.status.textContent = `Report of ${this.caseId} as the case stands now.`;
    } catch (err) {
      this.status.textContent = "";
      showError(this.error, err);
    }
  }

  private fit(): void {
    const doc = this.frame.contentDocument;
    if (!doc?.documentElement) return;
    this.frame.style.height = `${doc.documentElement.scrollHeight + 16}px`;
  }
}
