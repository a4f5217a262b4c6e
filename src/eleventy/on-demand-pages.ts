import type { IncomingMessage, ServerResponse } from "node:http";
import type nunjucks from "nunjucks";
import type { Problem } from "../content/types.js";
import type { SiteModel } from "../site/site-model.js";
import { createNunjucksEnvironment } from "../render/nunjucks-environment.js";
import { pageJobs, type PageJob } from "../render/page-jobs.js";
import { pageForRequest } from "../render/page-for-request.js";
import { renderJob } from "../render/render-page.js";
import { problemsPage } from "./problems-page.js";

/**
 * `versus serve` renders the renderer's pages (product, alternatives, pair and redirect pages)
 * when the browser asks for one, from the current model, instead of writing them all: at 45,000
 * pages, writing them made the first start take 10 to 20 seconds and a save over one.
 * `renew` after each rebuild compiles the templates afresh and renders one page of each kind, so
 * a template error shows at once (it throws), not only when such a page is next opened.
 * `respond` answers a request for one of these pages and passes anything else on; `report`
 * prints a template error met while rendering one and returns it for the error page.
 */
export function onDemandPages(report: (error: unknown) => Problem): {
  renew(model: SiteModel): void;
  respond(model: SiteModel, req: IncomingMessage, res: ServerResponse, next: () => void): void;
} {
  let env: nunjucks.Environment | undefined;
  const byModel = new WeakMap<SiteModel, Map<string, PageJob>>();
  const jobsByFile = (model: SiteModel): Map<string, PageJob> => {
    let byFile = byModel.get(model);
    if (!byFile) byModel.set(model, (byFile = new Map(pageJobs(model).map((job) => [job.file, job]))));
    return byFile;
  };
  return {
    renew(model) {
      env = createNunjucksEnvironment({ forOneBuild: true });
      const kinds = new Set<string>();
      for (const job of jobsByFile(model).values()) {
        if (kinds.has(job.kind)) continue;
        kinds.add(job.kind);
        renderJob(env, model.pairContext, job);
      }
    },
    respond(model, req, res, next) {
      const requested = pageForRequest(jobsByFile(model), req.url ?? "/");
      if (!requested) return next();
      if ("location" in requested) {
        res.statusCode = 301;
        res.setHeader("Location", requested.location);
        res.end();
        return;
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      try {
        env ??= createNunjucksEnvironment({ forOneBuild: true });
        res.end(renderJob(env, model.pairContext, requested.job));
      } catch (error) {
        res.statusCode = 500;
        res.end(problemsPage([report(error)], "Template error"));
      }
    },
  };
}
