// `node --import ./register-no-pagefind.mjs bin/versus.js build …`: see no-pagefind-hooks.mjs.
import { register } from "node:module";

register("./no-pagefind-hooks.mjs", import.meta.url);
