import { execFileSync } from 'node:child_process';

/**
 * Waits until `condition` answers something truthy (it may be async), checking every
 * `intervalMs`; fails after `timeoutMs` naming what it waited for. Tests wait for a condition,
 * never for a fixed time.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Whether a process is alive (signal 0). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Process ids of every Chromium whose parent chain leads to `ancestor` (default: this process);
 * with `direct`, only the browsers it launched itself (each leads its process group).
 */
export function chromiumDescendants(ancestor = process.pid, direct = false): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm }));
  const parent = new Map(rows.map((r) => [r.pid, r.ppid]));
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === ancestor) return true;
    return false;
  };
  return rows
    .filter((r) => /chrom/i.test(r.comm) && (direct ? r.ppid === ancestor : descends(r.pid)))
    .map((r) => r.pid);
}
