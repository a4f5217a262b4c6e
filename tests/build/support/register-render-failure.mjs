// `node --import ./register-render-failure.mjs bin/versus.js build …`: see render-failure-hooks.mjs.
import { register } from "node:module";

register("./render-failure-hooks.mjs", import.meta.url);
