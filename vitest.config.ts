import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["contract/**/*.test.ts", "server/**/*.test.ts", "client/**/*.test.ts", "ontology/**/*.test.ts", "data/**/*.test.ts", "scripts/**/*.test.ts", "spec/**/*.test.ts", "cli/**/*.test.ts", "fuzz/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser and server tests each start their own processes; two cores, so keep files few at once.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
