import type { IncomingMessage, ServerResponse } from "node:http";
import type nunjucks from "nunjucks";
import type { Problem } from "../content/types.js";
import type { SiteModel } from "../site/site-model.js";
import { createNunjucksEnvironment } from "../render/nunjucks-environment.js";
import { renderFingerprint } from "../build/digest.js";
import { pageJobs, samePageJobs, type PageJob } from "../render/page-jobs.js";
import { pageForRequest } from "../render/page-for-request.js";
import { renderJob } from "../render/render-page.js";
import { errorText } from "../render/template-error.js";
import { problemsPage } from "./problems-page.js";

/**
 * `versus serve` renders the renderer's pages (product, alternatives, pair and redirect pages)
 * when the browser asks for one, instead of writing them all: at 45,000 pages, writing them made
 * the first start take 10 to 20 seconds and a save over one.
 * `renew`, once a rebuild is through, takes its model with freshly compiled templates, and
 * renders the first page of each kind, so a template error every such page meets shows at once
 * (it throws). Until then requests get the last rebuild's pages: a new model is never drawn with
 * the old templates, nor does it name assets not written yet.
 * `respond` answers a request for one of these pages and passes anything else on. A template
 * error met while rendering one is shown on that page; `report` prints it, once per error until
 * the next renew, and returns it as a problem.
 */
export function onDemandPages(report: (error: unknown) => Problem): {
  renew(model: SiteModel): void;
  respond(req: IncomingMessage, res: ServerResponse, next: () => void): void;
} {
  let current: { model: SiteModel; env: nunjucks.Environment; byFile: Map<string, PageJob> } | undefined;
  let reported = new Map<string, Problem>();
  return {
    renew(model) {
      // Building the index takes 50-60 ms at 45,000 pairs; a save that keeps the pages keeps it.
      const byFile = current && samePageJobs(current.model, model) ? current.byFile : new Map(pageJobs(model).map((job) => [job.file, job]));
      current = { model, env: createNunjucksEnvironment({ forOneBuild: true, compiledFor: renderFingerprint() }), byFile };
      reported = new Map();
      const kinds = new Set<string>();
      for (const job of current.byFile.values()) {
        if (kinds.has(job.kind)) continue;
        kinds.add(job.kind);
        renderJob(current.env, model.pairContext, job);
      }
    },
    respond(req, res, next) {
      const requested = current && pageForRequest(current.byFile, req.url ?? "/");
      if (!current || !requested) return next();
      if ("location" in requested) {
        res.statusCode = 301;
        res.setHeader("Location", requested.location);
        res.end();
        return;
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      try {
        res.end(renderJob(current.env, current.model.pairContext, requested.job));
      } catch (error) {
        const key = errorText(error);
        let problem = reported.get(key);
        if (!problem) reported.set(key, (problem = report(error)));
        res.statusCode = 500;
        res.end(problemsPage([problem], "Template error"));
      }
    },
  };
}
