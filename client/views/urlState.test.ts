import { describe, expect, it } from "vitest";
import type { ViewState } from "./context.ts";
import { searchFromState, stateFromSearch } from "./urlState.ts";

const CD = "https://w3id.org/caspian/data/";

describe("view state in the URL", () => {
  it("round-trips every part of the state through the query string", () => {
    const state: ViewState = {
      selected: `${CD}TreatyOfTurkmenchay`,
      from: -500,
      to: 1828,
      kinds: ["actor", "treaty"],
      relations: ["war"],
      hidden: [`${CD}Iran`, "http://example.org/other"],
      lens: { a: `${CD}Iran`, b: `${CD}Russia` },
      path: { from: `${CD}Britain`, to: `${CD}Russia` },
      camera: { x: 0.5, y: 0.25, ratio: 0.75 },
      theme: "dark",
      tab: "lens",
      query: "SELECT ?t WHERE { ?t a cas:Treaty } # & = ? + %",
    };
    expect(stateFromSearch(searchFromState(state))).toEqual(state);
  });

  it("writes curated IRIs as short cd: names", () => {
    const search = searchFromState({ selected: `${CD}Iran`, selectedEdge: `${CD}Iran|https://w3id.org/caspian/ontology#party|${CD}Russia` });
    const params = new URLSearchParams(search);
    expect(params.get("node")).toBe("cd:Iran");
    expect(params.get("edge")).toBe("cd:Iran|https://w3id.org/caspian/ontology#party|cd:Russia");
    expect(stateFromSearch(search).selectedEdge).toBe(`${CD}Iran|https://w3id.org/caspian/ontology#party|${CD}Russia`);
  });

  it("keeps an empty filter list apart from no filter", () => {
    expect(stateFromSearch("?kinds=").kinds).toEqual([]);
    expect(stateFromSearch("?").kinds).toBeUndefined();
  });

  it("ignores malformed years, cameras and themes instead of failing", () => {
    expect(stateFromSearch("?from=abc&to=12.5&cam=1,2&theme=purple")).toEqual({});
  });
});
