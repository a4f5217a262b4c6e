import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvField, matrixCsv, matrixJson } from "../../src/downloads/matrix-downloads.js";
import type { Matrix } from "../../src/content/types.js";
import { cleanupRoots, load } from "../content/helpers.js";

afterAll(cleanupRoots);

const NAMES = { kafka: "Apache Kafka", redpanda: "Redpanda", nats: "NATS, by Synadia" };

function matrix(overrides: Partial<Matrix> = {}): Matrix {
  return {
    slug: "brokers",
    file: "content/matrices/brokers.md",
    body: "",
    title: "Brokers",
    description: "Which broker fits which job.",
    columns: ["kafka", "redpanda", "nats"],
    highlight: "redpanda",
    sections: [
      {
        title: "Operations",
        rows: [
          { feature: "Single binary", cells: { kafka: "No", redpanda: { text: "Yes", badge: "success", strong: true }, nats: { text: "Yes", badge: "success" } } },
          { feature: 'Config "flags", total', cells: { kafka: "=1+1", redpanda: "-", nats: "line one\nline two" } },
        ],
      },
      { title: "Security", rows: [{ feature: "@mentions", cells: { kafka: "+SUM(A1)", redpanda: "\tTabbed", nats: "\rCR" } }] },
    ],
    ...overrides,
  };
}

/** A minimal RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"' && field === "") { quoted = true; i++; continue; }
    if (ch === ",") { record.push(field); field = ""; i++; continue; }
    if (ch === "\r" && text[i + 1] === "\n") { record.push(field); records.push(record); record = []; field = ""; i += 2; continue; }
    if (ch === "\r" || ch === "\n") throw new Error(`bare line break at ${i}`);
    field += ch; i++;
  }
  if (field !== "" || record.length > 0) throw new Error("last record has no CRLF");
  return records;
}

describe("matrixCsv", () => {
  it("writes the exact RFC 4180 text: header, quoting, CRLF, formula neutralising", () => {
    expect(matrixCsv(matrix(), NAMES)).toBe(
      [
        'Section,Feature,Apache Kafka,Redpanda,"NATS, by Synadia"',
        'Operations,Single binary,No,Yes,Yes',
        `Operations,"Config ""flags"", total",'=1+1,'-,"line one\nline two"`,
        `Security,'@mentions,'+SUM(A1),'\tTabbed,"'\rCR"`,
        "",
      ].join("\r\n"),
    );
  });

  it("uses CRLF between records and never a bare LF outside quotes", () => {
    const csv = matrixCsv(matrix(), NAMES);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toHaveLength(4);
  });

  it("neutralises formula injection in headers too", () => {
    const csv = matrixCsv(matrix(), { ...NAMES, kafka: "=cmd|' /C calc'!A0" });
    expect(csv.split("\r\n")[0]).toBe(`Section,Feature,'=cmd|' /C calc'!A0,Redpanda,"NATS, by Synadia"`);
  });

  it("round-trips any cell text through a CSV reader (with the ' prefix where needed)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 3 }), (texts) => {
        const [a, b, c] = texts as [string, string, string];
        const m = matrix({ sections: [{ title: "S", rows: [{ feature: "F", cells: { kafka: a, redpanda: b, nats: c } }] }] });
        const rows = parseCsv(matrixCsv(m, NAMES));
        const expected = texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t));
        expect(rows[1]).toEqual(["S", "F", ...expected]);
      }),
    );
  });

  it("quotes only fields that need it", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("fails loudly when a column has no product name", () => {
    expect(() => matrixCsv(matrix(), { kafka: "Kafka", redpanda: "Redpanda" })).toThrow(/no product name for column "nats"/);
  });

  it("writes the fixture matrix loaded from a site root", async () => {
    const { content } = await load({ overlay: "complete" });
    const m = content!.matrices.find((x) => x.slug === "streaming-brokers")!;
    const names = Object.fromEntries(content!.products.map((p) => [p.slug, p.name]));
    const lines = matrixCsv(m, names).split("\r\n");
    expect(lines[0]).toBe(`Section,Feature,${m.columns.map((c) => names[c]).join(",")}`);
    expect(lines[1]).toBe("Operations,Single binary,No,Yes,Yes");
  });
});

describe("matrixJson", () => {
  it("has title, description, columns with names, highlight and cells in column order", () => {
    const json = matrixJson(matrix(), NAMES);
    expect(json.endsWith("}\n")).toBe(true);
    expect(json).toContain('\n  "title": "Brokers",\n');
    expect(JSON.parse(json)).toEqual({
      slug: "brokers",
      title: "Brokers",
      description: "Which broker fits which job.",
      columns: [
        { slug: "kafka", name: "Apache Kafka" },
        { slug: "redpanda", name: "Redpanda" },
        { slug: "nats", name: "NATS, by Synadia" },
      ],
      highlight: "redpanda",
      sections: [
        {
          title: "Operations",
          rows: [
            {
              feature: "Single binary",
              cells: [
                { column: "kafka", text: "No" },
                { column: "redpanda", text: "Yes", badge: "success", strong: true },
                { column: "nats", text: "Yes", badge: "success" },
              ],
            },
            {
              feature: 'Config "flags", total',
              cells: [
                { column: "kafka", text: "=1+1" },
                { column: "redpanda", text: "-" },
                { column: "nats", text: "line one\nline two" },
              ],
            },
          ],
        },
        {
          title: "Security",
          rows: [{ feature: "@mentions", cells: [{ column: "kafka", text: "+SUM(A1)" }, { column: "redpanda", text: "\tTabbed" }, { column: "nats", text: "\rCR" }] }],
        },
      ],
    });
  });

  it("says null when no column is highlighted, and leaves out strong: false", () => {
    const m = matrix({ highlight: undefined, sections: [{ title: "S", rows: [{ feature: "F", cells: { kafka: { text: "a", strong: false }, redpanda: "b", nats: "c" } }] }] });
    const doc = JSON.parse(matrixJson(m, NAMES));
    expect(doc.highlight).toBeNull();
    expect(doc.sections[0].rows[0].cells[0]).toEqual({ column: "kafka", text: "a" });
  });

  it("is the same text for the same input", () => {
    expect(matrixJson(matrix(), NAMES)).toBe(matrixJson(matrix(), { nats: NAMES.nats, redpanda: NAMES.redpanda, kafka: NAMES.kafka }));
  });
});
