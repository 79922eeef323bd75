// Shows an API error where the user is: the message in an alert next to the form, and when the
// server names a field, that input is marked invalid, described by the message and focused.
import { ApiError } from "./api";
import { h, replace } from "./dom";

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const where = err.field ? ` (field: ${err.field})` : "";
    return `${err.message}${where}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function showError(box: HTMLElement, err: unknown, form?: HTMLFormElement | null): void {
  const id = box.id || `err-${Math.random().toString(36).slice(2, 8)}`;
  box.id = id;
  box.hidden = false;
  replace(box, h("strong", null, "Error: "), errorText(err));
  if (!form) return;
  for (const input of Array.from(form.querySelectorAll("[aria-invalid]"))) {
    input.removeAttribute("aria-invalid");
  }
  if (err instanceof ApiError && err.field) {
    const input = fieldInput(form, err.field);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", id);
      input.focus();
    }
  }
}

export function clearError(box: HTMLElement, form?: HTMLFormElement | null): void {
  box.hidden = true;
  box.textContent = "";
  for (const input of Array.from(form?.querySelectorAll("[aria-invalid]") ?? [])) {
    input.removeAttribute("aria-invalid");
  }
}

function fieldInput(form: HTMLFormElement, field: string): HTMLElement | null {
  const candidates = [field, field.split(".")[0], field.replace(/^fields\./, "")];
  for (const name of candidates) {
    const found = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"], [name="${CSS.escape(name)}"]`);
    if (found) return found;
  }
  return null;
}

export function errorBox(): HTMLDivElement {
  return h("div", { class: "error", role: "alert", hidden: true });
}
