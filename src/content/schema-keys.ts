import type { z } from "zod";
import type { PathSegment } from "./paths.js";

/** The parts of zod's internal definition this module reads (zod 4 `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

// Wrappers that do not change the shape of the value.
function unwrap(schema: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const d = def(schema);
    const inner = d.innerType ?? (d.type === "pipe" ? d.in : undefined) ?? (d.type === "lazy" ? d.getter?.() : undefined);
    if (!inner) return schema;
    schema = inner;
  }
  return schema;
}

/** The schemas a path can lead to (several through a union). */
function resolve(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType[] {
  let current = [unwrap(schema)];
  for (const segment of path) {
    const next: z.ZodType[] = [];
    const visit = (s: z.ZodType): void => {
      const d = def(s);
      if (d.type === "union") d.options?.forEach((o) => visit(unwrap(o)));
      else if (d.type === "object" && typeof segment === "string" && d.shape?.[segment]) next.push(unwrap(d.shape[segment]));
      else if (d.type === "array" && d.element) next.push(unwrap(d.element));
      else if (d.type === "record" && d.valueType) next.push(unwrap(d.valueType));
    };
    current.forEach(visit);
    current = next;
  }
  return current;
}

/**
 * The keys a strict object at `path` accepts, for "did you mean" on unknown fields. Through a
 * union (zod may report an unknown key from one branch directly), the branches that do not
 * accept the unknown keys are the ones zod was checking, so only their keys are returned.
 * @example allowedKeys(productSchema, ["timeline", 0]) // ["date", "kind", "spark", "title", "url"]
 * @example allowedKeys(comparisonSchema, ["rows", 0], ["label"]) // ["fact"]
 */
export function allowedKeys(schema: z.ZodType, path: readonly PathSegment[], unknown: readonly string[] = []): string[] {
  const objects: string[][] = [];
  const collect = (s: z.ZodType): void => {
    const d = def(s);
    if (d.type === "union") d.options?.forEach((o) => collect(unwrap(o)));
    else if (d.type === "object") objects.push(Object.keys(d.shape ?? {}));
  };
  resolve(schema, path).forEach(collect);
  const fitting = objects.filter((keys) => !unknown.some((k) => keys.includes(k)));
  return [...new Set((fitting.length > 0 ? fitting : objects).flat())].sort();
}

/**
 * The option schemas of a union, unwrapped; used to look up keys inside the chosen branch.
 * @example unionOptions(comparisonRowSchema).length // 2
 */
export function unionOptions(schema: z.ZodType, path: readonly PathSegment[]): z.ZodType[] {
  const [target] = resolve(schema, path);
  if (!target) return [];
  const d = def(target);
  return d.type === "union" ? (d.options ?? []).map(unwrap) : [];
}
