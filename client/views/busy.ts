/**
 * Spinner
 * =======
 * `busy(label, work)` shows a spinner with the label when work lasts longer than a moment
 * (250 ms), so quick answers never flash it. Several jobs share one spinner.
 */
import { h } from "./dom.ts";

export type Busy = <T>(label: string, work: Promise<T>) => Promise<T>;

export function createBusy(container: HTMLElement, delayMs = 250): Busy {
  const text = h("span", { class: "spinner-label" });
  const element = h("div", { class: "spinner", role: "status", "aria-live": "polite", hidden: true }, h("span", { class: "spinner-wheel", "aria-hidden": "true" }), text);
  container.append(element);
  const jobs = new Map<number, string>();
  let next = 0;
  const show = () => {
    const labels = [...jobs.values()];
    element.hidden = labels.length === 0;
    text.textContent = labels.at(-1) ?? "";
  };
  return async (label, work) => {
    const id = next++;
    const timer = setTimeout(() => {
      jobs.set(id, label);
      show();
    }, delayMs);
    try {
      return await work;
    } finally {
      clearTimeout(timer);
      jobs.delete(id);
      show();
    }
  };
}
