// Eleventy wiring only: data, templates and the dev server come from plugins in src/eleventy/.
import { versusDataPlugin } from "./src/eleventy/versus-data-plugin.js";
import { devServerPlugin } from "./src/eleventy/dev-server-plugin.js";

export default function (eleventyConfig: any) {
  eleventyConfig.addPlugin(versusDataPlugin);
  if (process.env.VERSUS_DEV === "1") eleventyConfig.addPlugin(devServerPlugin);
  // The input folder is given by the caller as an absolute path (src/eleventy/paths.ts): one
  // set here would be read from the working directory, which need not be this project.
  return {
    dir: { includes: "../components", layouts: "../layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
