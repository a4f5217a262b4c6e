import type { SiteModel } from "../site/site-model.js";
import type { Problem } from "../content/types.js";

/**
 * The model Eleventy's templates read through the data cascade. `versus build` computes it before
 * Eleventy starts; the dev server recomputes it before each rebuild. Problems are kept beside
 * the last good model so the dev server can show them without losing the pages, and so is the
 * dev server's last template error.
 */
let model: SiteModel | undefined;
let problems: Problem[] = [];
let templateProblem: Problem | undefined;

export const modelStore = {
  set(next: SiteModel): void {
    model = next;
    problems = [];
  },
  setProblems(next: Problem[]): void {
    problems = next;
  },
  get(): SiteModel {
    if (!model) throw new Error("The site model is not loaded: run Eleventy through `versus build` or `versus serve`.");
    return model;
  },
  has(): boolean {
    return model !== undefined;
  },
  problems(): readonly Problem[] {
    return problems;
  },
  /** The dev server's last template error, until a build gets through. */
  setTemplateProblem(next: Problem | undefined): void {
    templateProblem = next;
  },
  templateProblem(): Problem | undefined {
    return templateProblem;
  },
};
