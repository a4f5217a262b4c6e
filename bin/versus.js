#!/usr/bin/env node
// Versus is written in TypeScript and run through tsx, so a clone needs no compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
