/**
 * caspian (command line)
 * ======================
 * `caspian export ...`: figures and data files of a view without a browser or a server. The CLI's
 * composition root, the only cli/ file that reads argv and writes files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EXPORT_USAGE, ExportArgsError, parseExportArgs } from "./exportArgs.ts";
import { runExport } from "./runExport.ts";

const USAGE = `Usage: caspian export --format FORMAT [options]   (caspian export --help for the options)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command !== "export") {
    console.error(`caspian: unknown command "${command}". ${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const request = parseExportArgs(rest);
  const files = await runExport(request);
  if (!request.out) {
    for (const file of files) process.stdout.write(file.bytes);
    return 0;
  }
  if (files.length > 1 || request.formats.length > 1) {
    await mkdir(request.out, { recursive: true });
    for (const file of files) await writeFile(join(request.out, file.name!), file.bytes);
    console.error(`wrote ${files.map((f) => join(request.out!, f.name!)).join(", ")}`);
  } else {
    await mkdir(dirname(request.out), { recursive: true });
    await writeFile(request.out, files[0]!.bytes);
    console.error(`wrote ${request.out} (${files[0]!.bytes.length} bytes)`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const coded = error as { code?: unknown; message?: string };
    console.error(typeof coded.code === "string" && coded.message ? `caspian export: ${coded.message}` : error);
    process.exit(error instanceof ExportArgsError ? 2 : 1);
  },
);
