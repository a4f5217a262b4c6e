import { z } from "zod";
import { text } from "./common.js";

/** content/sectors/<slug>.md front matter. */
export const sectorSchema = z.strictObject({
  name: text(1, 60),
  description: text(1, 500),
});

export type SectorFields = z.output<typeof sectorSchema>;
