import { describe, expect, it } from "vitest";
import { generatedTriples, startTestServer } from "../test/testServer.ts";

describe("an engine that cannot answer", () => {
  it("says degraded in health when the engine cannot answer", async () => {
    const broken = await startTestServer({ documents: { "a.nt": generatedTriples(5) }, workers: 1 });
    try {
      expect(((await (await fetch(`${broken.url}/api/v1/health`)).json()) as { status: string }).status).toBe("ok");
      await broken.engine.close();
      const health = (await (await fetch(`${broken.url}/api/v1/health`)).json()) as { status: string; problem: string };
      expect(health).toMatchObject({ status: "degraded", problem: expect.stringMatching(/^ENGINE_CLOSED/) });
    } finally {
      await broken.close();
    }
  });
});
