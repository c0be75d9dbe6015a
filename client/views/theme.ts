/**
 * Theme
 * =====
 * Light and dark, as CSS custom properties on <html data-theme>, plus the matching colours for
 * sigma's canvas (which CSS cannot reach). The default follows the system preference.
 */
import type { ThemeColors } from "./graphView.ts";

export type Theme = "light" | "dark";

export const THEME_COLORS: Record<Theme, ThemeColors> = {
  light: { background: "#ffffff", text: "#1a1a1a", dim: "#e3e3e3", shadow: "#000000" },
  dark: { background: "#1d2128", text: "#ececec", dim: "#30353d", shadow: "#000000" },
};

export function systemTheme(): Theme {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}
