// Eleventy wiring only: data, templates and the dev server come from plugins in src/eleventy/.
import { versusDataPlugin } from "./src/eleventy/versus-data-plugin.js";
import { devServerPlugin } from "./src/eleventy/dev-server-plugin.js";

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(versusDataPlugin);
  if (process.env.VERSUS_DEV === "1") eleventyConfig.addPlugin(devServerPlugin);
  // Installed as a package, Versus and its templates sit under node_modules, which Eleventy
  // ignores by default, as it does the site's .gitignore: the input is only our entries.
  eleventyConfig.ignores.delete("**/node_modules/**");
  eleventyConfig.setUseGitIgnore(false);
  // The input folder is given by the caller as an absolute path (src/eleventy/paths.ts): one
  // set here would be read from the working directory, which need not be this project.
  return {
    dir: { includes: "../components", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
