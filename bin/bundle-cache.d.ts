// Types of bundle-cache.js (see there).
export declare const PROJECT_DIR: string;
export declare const CACHE_DIRS: readonly string[];
export declare const CODE_ENTRIES: readonly string[];
export declare function hashFiles(entries: readonly string[], projectDir?: string): string;
export declare function digest(...parts: (string | Uint8Array)[]): string;
export declare function codeVersion(projectDir?: string): string;
export declare function cliBundleDir(version: string): string;
export declare const CLI_MAIN: string;
export declare const CLI_ELEVENTY_CONFIG: string;
export declare function findCliBundle(version: string): string | undefined;
