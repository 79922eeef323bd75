// Catalog search with filters (quantity, highest unit price, ship-from, certification, lead
// time). The filters live in the address (#/search?q=…), so a search can be bookmarked and the
// back button works; the server checks every parameter and names the one at fault.
import { api, money, moneyRounded, SearchResult } from "../api";
import { h, replace } from "../dom";
import { clearError, errorBox, showError } from "../errors";

const kCurrencies = ["EUR", "USD", "GBP", "CNY", "JPY", "CHF", "INR", "BRL", "TRY", "VND"];

interface Field {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  inputmode?: string;
}

const kFields: Field[] = [
  { name: "qty", label: "Quantity", hint: "units; the price is the tier for it", inputmode: "numeric" },
  { name: "ship_from", label: "Ships from", hint: "countries, e.g. CN,VN" },
  { name: "cert", label: "Certification", hint: "e.g. LFGB" },
  { name: "max_lead_days", label: "Max lead time", hint: "days", inputmode: "numeric" },
];

export function renderSearch(main: HTMLElement, params: URLSearchParams): () => void {
  const error = errorBox();
  const q = h("input", { id: "s-q", name: "q", type: "search", required: true, value: params.get("q") ?? "", placeholder: "insulated bottle, 保温杯, garrafa térmica…" });
  const [priceAmount, priceCurrency] = splitPrice(params.get("max_price") ?? "");
  const amount = h("input", { id: "s-max-price", name: "max_price_amount", "data-field": "max_price", inputmode: "decimal", value: priceAmount, placeholder: "4.50" });
  const currency = h("select", { id: "s-currency", name: "currency", "aria-label": "Currency of the max price" },
    kCurrencies.map((c) => h("option", { value: c, selected: c === (priceCurrency || "EUR") }, c)));
  const inputs = kFields.map((f) => h("input", { id: `s-${f.name}`, name: f.name, inputmode: f.inputmode, value: params.get(f.name) ?? "", "aria-describedby": f.hint ? `s-${f.name}-hint` : undefined }));
  const form: HTMLFormElement = h("form", { class: "search-form", role: "search", "aria-label": "Catalog" },
    h("div", { class: "field wide" }, h("label", { for: "s-q" }, "What are you looking for?"), h("div", { class: "inline" }, q, h("button", { type: "submit", class: "primary" }, "Search"))),
    h("fieldset", { class: "filters" },
      h("legend", null, "Filters"),
      h("div", { class: "field" }, h("label", { for: "s-max-price" }, "Max unit price"), h("div", { class: "inline" }, amount, currency)),
      kFields.map((f, i) => h("div", { class: "field" },
        h("label", { for: `s-${f.name}` }, f.label), inputs[i],
        f.hint ? h("span", { id: `s-${f.name}-hint`, class: "hint" }, f.hint) : null))),
    error);
  const results = h("div", { id: "search-results", "aria-live": "polite" });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (q.value.trim()) next.set("q", q.value.trim());
    if (amount.value.trim()) next.set("max_price", `${amount.value.trim()}${currency.value}`);
    kFields.forEach((f, i) => {
      if (inputs[i].value.trim()) next.set(f.name, inputs[i].value.trim());
    });
    const target = `#/search?${next.toString()}`;
    if (window.location.hash === target) void run(next);
    else window.location.hash = target;
  });
  replace(main, h("section", { "aria-labelledby": "search-title" }, h("h1", { id: "search-title" }, "Catalog search"), form, results));

  const run = async (query: URLSearchParams) => {
    clearError(error, form);
    replace(results, h("p", { class: "muted" }, "Searching…"));
    try {
      const found = await api.search(query);
      replace(results,
        h("p", { class: "result-count" }, `${found.results.length} shown of about ${found.matches_estimated} matches (query language: ${found.query_lang})`,
          found.demo ? " · demo marketplace: generated suppliers, not real companies" : ""),
        found.results.length ? h("ol", { class: "results" }, found.results.map(resultItem)) : h("p", { class: "empty" }, "Nothing matches these filters."));
    } catch (err) {
      replace(results);
      showError(error, err, form);
    }
  };
  if (params.get("q")) void run(params);
  else q.focus();
  return () => {};
}

function splitPrice(text: string): [string, string] {
  const match = /^\s*([0-9.,]+)\s*([A-Za-z]{3})?\s*$/.exec(text);
  return match ? [match[1], (match[2] ?? "").toUpperCase()] : [text, ""];
}

function resultItem(result: SearchResult): HTMLElement {
  const converted = result.tier_price_converted && result.tier_price_converted.currency !== result.tier_price.currency;
  const shown = converted ? result.tier_price_converted : result.tier_price;
  return h("li", { class: "card result", "data-offer": result.offer_id },
    h("h3", { lang: result.title_lang || undefined }, result.title),
    h("p", { class: "supplier" }, result.supplier.name, " · ", h("abbr", { title: "ships from" }, result.supplier.country)),
    h("p", { class: "price" },
      h("strong", { title: `exactly ${money(shown)}` }, moneyRounded(shown)), " per unit",
      converted ? h("span", { class: "muted" }, ` (${money(result.tier_price)}; ${result.fx ?? ""})`) : null),
    h("dl", { class: "facts compact" },
      result.moq !== undefined ? [h("dt", null, "MOQ"), h("dd", null, String(result.moq))] : null,
      result.lead_time_days !== undefined ? [h("dt", null, "Lead time"), h("dd", null, `${result.lead_time_days} days`)] : null,
      result.certifications?.length ? [h("dt", null, "Certifications"), h("dd", null, result.certifications.join(", "))] : null,
      [h("dt", null, "Category"), h("dd", null, result.category_path.join(" › "))],
      [h("dt", null, "Score"), h("dd", null, result.score.toFixed(2))]),
    result.matched_terms?.length || result.explanation
      ? h("details", null, h("summary", null, "Why it matched"),
          result.matched_terms?.length ? h("ul", null, result.matched_terms.map((t) => h("li", null, t))) : null,
          result.explanation ? h("p", { class: "muted" }, result.explanation) : null)
      : null);
}
