import { describe, expect, it } from "vitest";
import { readXmlSolutions } from "./readXmlSolutions.ts";

/** The document as a byte stream cut into pieces of `size` bytes, so elements, entities and multi-byte characters straddle chunks. */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> & { cancelled: () => boolean } {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
    cancel() {
      cancelled = true;
    },
  });
  return Object.assign(stream, { cancelled: () => cancelled });
}

const DOCUMENT = `<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
 <head>
  <variable name="s"/>
  <variable name='label'/>
  <variable name="n"/>
 </head>
 <results distinct="false" ordered="true">
  <result>
   <binding name="s"><uri>https://example.org/a?x=1&amp;y=2</uri></binding>
   <binding name="label"><literal xml:lang="fa">ایران &lt;Iran&gt; &#x2014; &#233;</literal></binding>
   <binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">42</literal></binding>
  </result>
  <result>
   <binding name="s"><bnode>b0</bnode></binding>
   <binding name='label'><literal datatype='http://www.w3.org/2001/XMLSchema#string' xml:lang="en"></literal></binding>
  </result>
  <result/>
  <result>
   <binding name="label"><literal/></binding>
   <binding name="n"><literal><![CDATA[a <b> & c]]></literal></binding>
  </result>
 </results>
</sparql>
`;

describe("reading SPARQL XML results as a stream", () => {
  it.each([1, 7, 64, 100_000])("reads IRIs, blank nodes, typed and tagged literals, entities and unbound variables, in chunks of %i bytes", async (size) => {
    const { vars, rows, truncated } = await readXmlSolutions(streamOf(DOCUMENT, size), 100);
    expect(vars).toEqual(["s", "label", "n"]);
    expect(truncated).toBe(false);
    expect(rows).toEqual([
      {
        s: { type: "uri", value: "https://example.org/a?x=1&y=2" },
        label: { type: "literal", value: "ایران <Iran> — é", "xml:lang": "fa" },
        n: { type: "literal", value: "42", datatype: "http://www.w3.org/2001/XMLSchema#integer" },
      },
      { s: { type: "bnode", value: "b0" }, label: { type: "literal", value: "", datatype: "http://www.w3.org/2001/XMLSchema#string", "xml:lang": "en" } },
      {},
      { label: { type: "literal", value: "" }, n: { type: "literal", value: "a <b> & c" } },
    ]);
  });

  it("stops reading past the row cap, says the answer was cut, and cancels the transfer", async () => {
    const many = `<sparql><head><variable name="x"/></head><results>${Array.from({ length: 5000 }, (_, i) => `<result><binding name="x"><uri>urn:x:${i}</uri></binding></result>`).join("\n")}</results></sparql>`;
    const stream = streamOf(many, 1024);
    const { rows, truncated } = await readXmlSolutions(stream, 10);
    expect(truncated).toBe(true);
    expect(rows.map((row) => row.x!.value)).toEqual(Array.from({ length: 10 }, (_, i) => `urn:x:${i}`));
    expect(stream.cancelled()).toBe(true);
  });

  it("reads an answer with no solutions", async () => {
    expect(await readXmlSolutions(streamOf(`<sparql><head><variable name="x"/></head><results></results></sparql>`, 5), 10)).toEqual({ vars: ["x"], rows: [], truncated: false });
  });

  it("refuses a boolean answer and an RDF-star triple term with errors that say so", async () => {
    await expect(readXmlSolutions(streamOf(`<sparql><boolean>true</boolean></sparql>`, 4), 10)).rejects.toThrow(/boolean, not solutions/);
    const starred = `<sparql><head><variable name="t"/></head><results><result><binding name="t"><triple><subject><uri>urn:a</uri></subject></triple></binding></result></results></sparql>`;
    await expect(readXmlSolutions(streamOf(starred, 16), 10)).rejects.toThrow(/\?t is an RDF-star triple term/);
  });
});
