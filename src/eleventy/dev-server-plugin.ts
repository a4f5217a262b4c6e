export function devServerPlugin(_c: any): void {}
