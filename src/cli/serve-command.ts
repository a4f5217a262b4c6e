export async function serveCommand(_a: unknown): Promise<number> { return 2; }
