// Eleventy 3 ships no type declarations; this is the part of its API Versus uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; runMode?: string; source?: string });
    write(): Promise<unknown>;
    disableLogger(): void;
    init(): Promise<void>;
    /** Builds, starts watching, and resolves to the function that rebuilds after a file event. */
    watch(): Promise<(file: string) => Promise<void>>;
    /** The file watcher (chokidar), once `watch()` has resolved. */
    watcher: {
      on(event: "unlink", listener: (file: string) => void): void;
      on(event: "error", listener: (error: NodeJS.ErrnoException) => void): void;
    };
    serve(port?: number): Promise<void>;
    /** Closes the file watcher and the dev server. */
    stopWatch(): Promise<void>;
    /** Where Eleventy reports a failed build (`fatal` reports through `error`, then sets the exit code). */
    readonly errorHandler: { error(error: unknown, message?: string): void };
  }
}
