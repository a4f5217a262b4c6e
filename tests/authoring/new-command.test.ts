import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { NEW_USAGE, newCommand } from "../../src/authoring/new-command.js";
import { comparisonTemplate, productTemplate } from "../../src/authoring/scaffold.js";

const today = "2026-05-04";
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "versus-new-"));
});

const run = (...argv: string[]) => newCommand(argv, { root, today });
const touch = async (file: string) => {
  await mkdir(join(root, file, ".."), { recursive: true });
  await writeFile(join(root, file), "existing\n");
};

describe("newCommand product", () => {
  it("writes content/products/<slug>.md with the template and warns about a missing sector", async () => {
    const result = await run("product", "redpanda", "--sector", "streaming", "--name", "Redpanda");
    expect(result).toEqual({
      exitCode: 0,
      lines: [
        "created content/products/redpanda.md",
        'warning: content/sectors/streaming.md does not exist yet; create it with: npx versus new sector streaming --name "…"',
      ],
    });
    expect(await readFile(join(root, "content/products/redpanda.md"), "utf8")).toBe(
      productTemplate({ slug: "redpanda", sector: "streaming", name: "Redpanda", today }),
    );
  });

  it("does not warn when the sector exists in either form, and accepts --opt=value", async () => {
    await touch("content/sectors/streaming.json");
    const result = await run("product", "redpanda", "--sector=streaming", "--name=Redpanda");
    expect(result).toEqual({ exitCode: 0, lines: ["created content/products/redpanda.md"] });
  });

  it("refuses to overwrite the .md, and refuses when the .json form exists", async () => {
    await touch("content/products/redpanda.md");
    expect(await run("product", "redpanda", "--sector", "streaming", "--name", "Redpanda")).toEqual({
      exitCode: 1,
      lines: ["content/products/redpanda.md: already exists; choose another slug or edit the file"],
    });
    expect(await readFile(join(root, "content/products/redpanda.md"), "utf8")).toBe("existing\n");

    await touch("content/products/kafka.json");
    expect(await run("product", "kafka", "--sector", "streaming", "--name", "Kafka")).toEqual({
      exitCode: 1,
      lines: ["content/products/kafka.json: already exists; choose another slug or edit the file"],
    });
  });

  // Regression: a mistyped --root made the whole folder tree it named.
  it("refuses a --root that is not a folder, making nothing", async () => {
    const missing = join(root, "typo", "site");
    expect(await run("product", "redpanda", "--sector", "streaming", "--name", "Redpanda", "--root", missing)).toEqual({ exitCode: 2, lines: [`--root: no folder ${missing}`] });
    expect(await readdir(root)).toEqual([]);
  });

  it("rejects bad slugs and missing options with exit 2 and one line", async () => {
    for (const argv of [
      ["product", "Red_Panda", "--sector", "streaming", "--name", "Redpanda"],
      ["product", "red--panda", "--sector", "streaming", "--name", "Redpanda"],
      ["product", "a".repeat(65), "--sector", "streaming", "--name", "Redpanda"],
      ["product", "redpanda", "--sector", "Streaming", "--name", "Redpanda"],
    ]) {
      const result = await run(...argv);
      expect(result.exitCode).toBe(2);
      expect(result.lines).toHaveLength(1);
      expect(result.lines[0]).toMatch(/is not a valid slug; expected lowercase letters/);
    }
    for (const argv of [
      ["product", "redpanda", "--name", "Redpanda"],
      ["product", "redpanda", "--sector", "streaming"],
      ["product", "redpanda", "extra", "--sector", "streaming", "--name", "Redpanda"],
      ["product", "redpanda", "--sector", "streaming", "--name", "Redpanda", "--force"],
      ["widget", "x"],
      [],
    ]) {
      expect(await run(...argv)).toEqual({ exitCode: 2, lines: [NEW_USAGE] });
    }
    // Regression: an option of another kind got only the usage, not which option was wrong.
    expect(await run("product", "redpanda", "--sector", "streaming", "--name", "Redpanda", "--columns", "a,b")).toEqual({
      exitCode: 2,
      lines: ["versus new: --columns is not an option of this kind, which takes --sector and --name", NEW_USAGE],
    });
    expect((await run("comparison", "a", "b", "--name", "X")).lines[0]).toBe("versus new: --name is not an option of this kind, which takes no options");
  });
});

describe("newCommand comparison", () => {
  // Regression: the two products were split back out of the file name, so a slug holding
  // "-vs-" was cut in the wrong place and named products that do not exist.
  it("names the products as given when a slug itself holds -vs-", async () => {
    await touch("content/products/foo-vs-bar.md");
    await touch("content/products/apache-kafka.md");
    const result = await run("comparison", "foo-vs-bar", "apache-kafka");
    expect(result).toEqual({ exitCode: 0, lines: ["created content/comparisons/apache-kafka-vs-foo-vs-bar.md"] });
  });

  it("writes the canonical file name whatever the order given", async () => {
    const result = await run("comparison", "redpanda", "apache-kafka");
    expect(result.exitCode).toBe(0);
    expect(result.lines[0]).toBe("created content/comparisons/apache-kafka-vs-redpanda.md");
    expect(result.lines.slice(1)).toEqual([
      'warning: content/products/apache-kafka.md does not exist yet; create it with: npx versus new product apache-kafka --sector … --name "…"',
      'warning: content/products/redpanda.md does not exist yet; create it with: npx versus new product redpanda --sector … --name "…"',
    ]);
    expect(await readFile(join(root, "content/comparisons/apache-kafka-vs-redpanda.md"), "utf8")).toBe(
      comparisonTemplate({ a: "apache-kafka", b: "redpanda" }),
    );
    expect((await run("comparison", "apache-kafka", "redpanda")).exitCode).toBe(1);
  });

  it("refuses when the pair exists under the reverse name", async () => {
    await touch("content/comparisons/redpanda-vs-apache-kafka.md");
    expect(await run("comparison", "apache-kafka", "redpanda")).toEqual({
      exitCode: 1,
      lines: ["content/comparisons/redpanda-vs-apache-kafka.md: already exists; choose another slug or edit the file"],
    });
  });

  it("rejects a product compared with itself and a wrong argument count", async () => {
    expect((await run("comparison", "kafka", "kafka")).exitCode).toBe(2);
    expect(await run("comparison", "kafka")).toEqual({ exitCode: 2, lines: [NEW_USAGE] });
  });
});

describe("newCommand matrix and sector", () => {
  it("writes a matrix with the given columns", async () => {
    await touch("content/products/apache-kafka.md");
    await touch("content/products/redpanda.md");
    const result = await run("matrix", "streaming-platforms", "--columns", "redpanda, apache-kafka");
    expect(result).toEqual({ exitCode: 0, lines: ["created content/matrices/streaming-platforms.md"] });
    const text = await readFile(join(root, "content/matrices/streaming-platforms.md"), "utf8");
    expect(text).toContain("columns: [redpanda, apache-kafka]");
  });

  it("rejects too few, repeated or badly named columns", async () => {
    expect((await run("matrix", "m", "--columns", "kafka")).exitCode).toBe(2);
    expect((await run("matrix", "m", "--columns", "kafka,kafka")).exitCode).toBe(2);
    expect((await run("matrix", "m", "--columns", "kafka,Red Panda")).exitCode).toBe(2);
    expect((await run("matrix", "m")).exitCode).toBe(2);
  });

  it("writes a sector", async () => {
    expect(await run("sector", "streaming", "--name", "Data streaming")).toEqual({
      exitCode: 0,
      lines: ["created content/sectors/streaming.md"],
    });
  });

  it("honours --root relative to the given root", async () => {
    await mkdir(join(root, "site"));
    const result = await run("sector", "streaming", "--name", "Data streaming", "--root", "site");
    expect(result.exitCode).toBe(0);
    expect(await readFile(join(root, "site/content/sectors/streaming.md"), "utf8")).toContain("Data streaming");
  });
});
