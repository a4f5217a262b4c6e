import { escapeHtml } from "../compute/escape-html.js";
import { formatProblem } from "../content/problems.js";
import type { Problem } from "../content/types.js";

/**
 * The page the dev server shows while the content or a template has errors: every problem line,
 * exactly as the terminal shows it. The dev server adds its reload script, so the page turns
 * back into the site on the next good save.
 */
export function problemsPage(problems: readonly Problem[], heading = "Content problems"): string {
  const items = problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} · Versus</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1d1b;background:#fffdf8}h1{color:#8a1c1c}li{margin:.5rem 0}code{white-space:pre-wrap;overflow-wrap:anywhere}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>Fix these and save; this page reloads by itself. The last good pages are kept until then.</p>
<ol id="versus-problems">
${items}
</ol>
</main>
</body>
</html>
`;
}
