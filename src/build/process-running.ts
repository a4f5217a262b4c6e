/**
 * Whether a process with this id runs on this machine (as any user), so files named after a
 * build's process can be told apart: its own, or left by one that died.
 * @example isProcessRunning(process.pid) // true
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
