/**
 * Upload panel
 * ============
 * The "Data" tab: the datasets the server holds (uploads with triple counts and a remove button,
 * and the files it loaded at start), and an upload area — drag and drop or a file picker — with
 * a progress bar. Uploading and removing need the server's admin token, typed once and kept in
 * this tab's sessionStorage (gone when the tab closes). Errors (syntax with line and column, the
 * SHACL report, 401/403) are shown as text, as the server words them.
 */
import * as api from "../api/client.ts";
import type { DatasetList } from "../../contract/api.ts";
import { clear, h } from "./dom.ts";
import "./uploadPanel.css";

const TOKEN_KEY = "caspian.adminToken";

type UploadState = { type: "idle" } | { type: "uploading"; name: string; fraction: number } | { type: "error"; message: string } | { type: "done"; message: string };

export interface UploadPanelOptions {
  /** Called after an upload or removal, so the explorer can reload the graph. */
  changed: () => void;
}

export function mountUploadPanel(root: HTMLElement, options: UploadPanelOptions): { refresh: () => Promise<void> } {
  let state: UploadState = { type: "idle" };
  let listing: DatasetList | undefined;
  let listError: string | undefined;

  const token = h("input", { type: "password", placeholder: "admin token", autocomplete: "off", "aria-label": "Admin token", class: "upload-token" });
  token.value = readToken();
  token.addEventListener("change", () => saveToken(token.value));
  const picker = h("input", { type: "file", accept: ".ttl,.trig,.nt,.nq,.n3,.jsonld,.rdf,.owl", multiple: true, hidden: true });
  picker.addEventListener("change", () => void uploadAll([...(picker.files ?? [])]));
  const drop = h("div", { class: "upload-drop", tabindex: 0, role: "button", "aria-label": "Drop RDF files here or choose files" }, "Drop RDF files here, or ", h("u", {}, "choose files"));
  drop.addEventListener("click", () => picker.click());
  drop.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Enter" || (event as KeyboardEvent).key === " ") picker.click();
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    void uploadAll([...((event as DragEvent).dataTransfer?.files ?? [])]);
  });
  const status = h("div", { class: "upload-status", role: "status" });
  const list = h("div", { class: "upload-list" });
  root.append(h("h3", {}, "Datasets"), list, h("h3", {}, "Upload"), token, drop, picker, status);

  async function uploadAll(files: File[]) {
    saveToken(token.value);
    for (const file of files) {
      state = { type: "uploading", name: file.name, fraction: 0 };
      render();
      try {
        const { dataset } = await api.uploadDataset(file, token.value, (fraction) => {
          state = { type: "uploading", name: file.name, fraction };
          render();
        });
        state = { type: "done", message: `${file.name}: ${dataset.triples.toLocaleString("en")} triples stored as ${dataset.graph}.` };
      } catch (error) {
        state = { type: "error", message: (error as Error).message };
        render();
        break;
      }
      render();
    }
    picker.value = "";
    await refresh();
    options.changed();
  }

  async function remove(name: string) {
    try {
      await api.removeDataset(name, token.value);
      state = { type: "done", message: `${name} removed.` };
    } catch (error) {
      state = { type: "error", message: (error as Error).message };
    }
    await refresh();
    options.changed();
  }

  async function refresh() {
    try {
      listing = await api.listDatasets();
      listError = undefined;
    } catch (error) {
      listing = undefined;
      listError = (error as api.ApiRequestError).status === 404 ? "This server keeps no uploads." : (error as Error).message;
    }
    render();
  }

  function render() {
    clear(list);
    if (listError) list.append(h("p", { class: "muted" }, listError));
    else if (listing) {
      if (listing.uploads.length === 0 && listing.files.length === 0) list.append(h("p", { class: "muted" }, "No uploads yet."));
      for (const dataset of listing.uploads) {
        list.append(
          h(
            "div",
            { class: "upload-row" },
            h("span", { class: "upload-name", title: dataset.graph }, dataset.name),
            h("span", { class: "upload-count" }, `${dataset.triples.toLocaleString("en")} triples`),
            h("button", { type: "button", "aria-label": `Remove ${dataset.name}`, onclick: () => void remove(dataset.name) }, "Remove"),
          ),
        );
      }
      for (const file of listing.files) {
        list.append(h("div", { class: "upload-row" }, h("span", { class: "upload-name", title: file.graph ?? "default graph" }, file.path), h("span", { class: "upload-count" }, `${file.triples.toLocaleString("en")} triples`)));
      }
    }
    clear(status);
    if (state.type === "uploading") {
      status.append(h("div", {}, `Uploading ${state.name}…`), h("progress", { max: 1, value: state.fraction, "aria-label": `Upload progress of ${state.name}` }));
    } else if (state.type === "error") {
      status.append(h("pre", { class: "upload-error" }, state.message));
    } else if (state.type === "done") {
      status.append(h("div", {}, state.message, " ", h("button", { type: "button", onclick: () => location.reload() }, "Show in the graph")));
    }
  }

  void refresh();
  return { refresh };
}

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

function saveToken(value: string): void {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage off (private mode): the field still holds the token for this page.
  }
}
