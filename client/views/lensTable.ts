/**
 * Lens table
 * ==========
 * The third parties of a dyad as a table: each third party (a button that focuses it on the
 * graph) with one row per role — the role as a badge (colour, shape and word), the side it
 * supports, the article's quotes — and when (period and years). Three columns, so it fits the
 * side panel. All labels are text nodes.
 */
import type { ThirdPartyAnalysis } from "../../contract/api.ts";
import { roleStyle, type RoleStyle } from "../graph/lensRoles.ts";
import { renderEvidence, type LoadSource } from "./pathsEvidence.ts";
import { formatSpan } from "../graph/timelineScale.ts";

export interface LensTableActions {
  focus(iri: string): void;
  loadSource?: LoadSource;
}

export function renderLensTable(result: ThirdPartyAnalysis, actions: LensTableActions): [HTMLTableSectionElement, HTMLTableSectionElement] {
  const head = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const name of ["Third party", "Role and evidence", "When"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement("tbody");
  // With no window, a row per period in time order, as the article's conclusion reads.
  const groups = result.window || !result.periods?.length ? [{ period: undefined, thirdParties: result.thirdParties }] : result.periods;
  for (const group of groups) {
    if (group.period || groups.length > 1) {
      const tr = document.createElement("tr");
      tr.className = "cas-lens-period";
      if (group.period) tr.dataset.period = group.period.iri;
      const th = document.createElement("th");
      th.scope = "colgroup";
      th.colSpan = 3;
      const years = group.period ? formatSpan(group.period.startYear, group.period.endYear) : "";
      th.textContent = group.period ? `${group.period.label}${years ? ` (${years})` : ""}` : "No period given";
      tr.append(th);
      body.append(tr);
    }
    for (const party of group.thirdParties) partyRows(party, body, actions);
  }
  return [head, body];
}

function partyRows(party: ThirdPartyAnalysis["thirdParties"][number], body: HTMLTableSectionElement, actions: LensTableActions): void {
  {
    party.roles.forEach((role, index) => {
      const tr = document.createElement("tr");
      tr.dataset.iri = party.actor.iri;
      tr.dataset.role = roleStyle(role).type;
      if (index === 0) {
        const th = document.createElement("th");
        th.scope = "row";
        th.rowSpan = party.roles.length;
        const focus = document.createElement("button");
        focus.type = "button";
        focus.className = "cas-link";
        focus.textContent = party.actor.label;
        focus.title = `Focus ${party.actor.label} on the graph`;
        focus.addEventListener("click", () => actions.focus(party.actor.iri));
        th.append(focus);
        tr.append(th);
      }
      const roleCell = document.createElement("td");
      roleCell.append(roleBadge(roleStyle(role), role.role.label));
      if (role.supports) roleCell.append(document.createTextNode(` (supports ${role.supports.label})`));
      if (role.evidence.length > 0) roleCell.append(renderEvidence(role.evidence, actions.loadSource));
      const when = document.createElement("td");
      when.className = "cas-lens-when";
      if (role.period) when.append(document.createTextNode(role.period.label));
      const years = formatSpan(role.startYear, role.endYear);
      if (years) {
        const span = document.createElement("span");
        span.className = "cas-lens-years";
        span.textContent = years;
        when.append(span);
      }
      tr.append(roleCell, when);
      body.append(tr);
    });
  }
}

/** A role as a coloured bar, a shape and a word (the word defaults to the style's name). */
export function roleBadge(style: RoleStyle, text = style.name): HTMLElement {
  const span = document.createElement("span");
  span.className = `cas-role cas-role-${style.type}`;
  span.style.setProperty("--role-color", style.color);
  const shape = document.createElement("span");
  shape.className = "cas-role-shape";
  shape.setAttribute("aria-hidden", "true");
  shape.textContent = style.shape;
  span.append(shape, document.createTextNode(` ${text}`));
  return span;
}
