import nunjucks from "nunjucks";

type HandleError = (error: unknown, lineno: number, colno: number) => unknown;
interface Runtime {
  handleError: HandleError;
  versusErrorLines?: true;
}
type TemplateErrorClass = new (error: unknown, lineno?: number, colno?: number) => Error;

/**
 * Makes Nunjucks 3.2.4 name the line and column of an error met while rendering counted from 1,
 * as it does for syntax errors and as editors count. Compiled templates keep the position of
 * their last function call counted from 0, and Nunjucks printed it as it was: one line short,
 * and no line at all on a template's first line (0 reads as "none"). A template that fails
 * before any call still holds its start, 0 and 0, which says nothing: it gets no line, as before.
 * Installed once, for every environment in the process, like the runtime fast paths. Eleventy
 * compiles the entry files (templates/entries) with its own copy of Nunjucks, left as it is:
 * they hold no more than an include of a page.
 * @example installErrorLines(); env.renderString("{{ nope() }}") // throws "(unknown path) [Line 1, Column 8] …"
 */
export function installErrorLines(): void {
  const runtime = nunjucks.runtime as unknown as Runtime;
  if (runtime.versusErrorLines) return;
  const TemplateError = (nunjucks.lib as unknown as { TemplateError: TemplateErrorClass }).TemplateError;
  runtime.handleError = (error, lineno, colno) => {
    // As Nunjucks does, an error that already names its line is passed on as it is.
    if ((error as { lineno?: unknown } | null | undefined)?.lineno) return error;
    return lineno === 0 && colno === 0 ? new TemplateError(error) : new TemplateError(error, lineno + 1, colno + 1);
  };
  runtime.versusErrorLines = true;
}
