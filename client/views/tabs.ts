/**
 * Tabs
 * ====
 * The side panel's tabs (details, paths, lens) as an ARIA tablist: buttons, arrow keys move
 * between them, the open tab lives in the view state.
 */
import { h } from "./dom.ts";

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export function mountTabs(list: HTMLElement, tabs: Tab[], onSelect: (id: string) => void): (id: string) => void {
  list.setAttribute("role", "tablist");
  const buttons = tabs.map((tab) => {
    const button = h("button", { type: "button", role: "tab", id: `tab-${tab.id}`, "aria-controls": tab.panel.id, "data-tab": tab.id }, tab.label);
    tab.panel.setAttribute("role", "tabpanel");
    tab.panel.setAttribute("aria-labelledby", `tab-${tab.id}`);
    button.addEventListener("click", () => onSelect(tab.id));
    button.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(tab);
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length]!;
      onSelect(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    });
    list.append(button);
    return button;
  });
  const show = (id: string) => {
    const current = tabs.some((t) => t.id === id) ? id : tabs[0]!.id;
    tabs.forEach((tab, i) => {
      const on = tab.id === current;
      buttons[i]!.setAttribute("aria-selected", String(on));
      buttons[i]!.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
    });
  };
  return show;
}
