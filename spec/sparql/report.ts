/**
 * Conformance report
 * ==================
 * Counts outcomes per suite folder, sets failures against the known-failures list, and prints
 * the table `npm run conformance` shows.
 */
import type { TestOutcome } from "./runSuite.ts";

export interface FolderCount {
  manifest: string;
  folder: string;
  pass: number;
  fail: number;
  /** Failures listed in KNOWN-FAILURES.md (included in `fail`). */
  known: number;
  skip: number;
}

export interface Report {
  folders: FolderCount[];
  totals: Record<string, Omit<FolderCount, "manifest" | "folder">>;
  unexpected: TestOutcome[];
  /** Listed as known failures but passing now: take them off the list. */
  fixed: string[];
}

export function buildReport(outcomes: TestOutcome[], known: Map<string, string>): Report {
  const folders = new Map<string, FolderCount>();
  const totals: Report["totals"] = {};
  const unexpected: TestOutcome[] = [];
  const fixed: string[] = [];
  for (const outcome of outcomes) {
    const key = `${outcome.manifest} ${outcome.folder}`;
    let count = folders.get(key);
    if (!count) {
      count = { manifest: outcome.manifest, folder: outcome.folder, pass: 0, fail: 0, known: 0, skip: 0 };
      folders.set(key, count);
    }
    const total = (totals[outcome.manifest] ??= { pass: 0, fail: 0, known: 0, skip: 0 });
    count[outcome.status]++;
    total[outcome.status]++;
    if (outcome.status === "fail") {
      if (known.has(outcome.id)) {
        count.known++;
        total.known++;
      } else {
        unexpected.push(outcome);
      }
    }
    if (outcome.status === "pass" && known.has(outcome.id)) fixed.push(outcome.id);
  }
  return { folders: [...folders.values()], totals, unexpected, fixed };
}

export function formatReport(report: Report): string {
  const lines: string[] = [];
  const row = (name: string, c: Omit<FolderCount, "manifest" | "folder">) =>
    `${name.padEnd(40)} ${String(c.pass).padStart(5)} ${String(c.fail).padStart(5)} ${String(c.known).padStart(6)} ${String(c.skip).padStart(5)} ${String(c.pass + c.fail + c.skip).padStart(6)}`;
  const header = `${"suite folder".padEnd(40)} ${"pass".padStart(5)} ${"fail".padStart(5)} ${"known".padStart(6)} ${"skip".padStart(5)} ${"total".padStart(6)}`;
  for (const [manifest, total] of Object.entries(report.totals)) {
    lines.push("", manifest, header);
    for (const folder of report.folders.filter((f) => f.manifest === manifest)) lines.push(row(folder.folder, folder));
    lines.push(row("total", total));
  }
  const all = Object.values(report.totals).reduce(
    (sum, t) => ({ pass: sum.pass + t.pass, fail: sum.fail + t.fail, known: sum.known + t.known, skip: sum.skip + t.skip }),
    { pass: 0, fail: 0, known: 0, skip: 0 },
  );
  lines.push("", row("all suites", all));
  if (report.fixed.length) {
    lines.push("", "Listed in KNOWN-FAILURES.md but passing now (take them off the list):");
    for (const id of report.fixed) lines.push(`- \`${id}\``);
  }
  if (report.unexpected.length) {
    lines.push("", "Failures not in KNOWN-FAILURES.md:");
    for (const outcome of report.unexpected) {
      lines.push(`- \`${outcome.id}\` — ${firstLine(outcome.message)}`);
    }
  }
  return lines.join("\n");
}

function firstLine(message: string | undefined): string {
  return (message ?? "").split("\n").find((line) => line.trim())?.trim().slice(0, 200) ?? "";
}
