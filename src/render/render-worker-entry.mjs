// Worker threads do not inherit the main thread's TypeScript loader: register tsx here first.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
