import { readdirSync, readFileSync } from 'node:fs';

// What the benchmarks read of the processes they start, from /proc: CPU time (user + system,
// ms) and resident memory, of one process, of a process and its descendants (the API's
// cluster, the worker and its Chromium), or of every process of one command (PostgreSQL).

function readProc(pid: number, file: 'stat' | 'status'): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // ended meanwhile
  }
}

/** The fields after the command name (which may hold spaces and parentheses). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function cpuOfStat(stat: string | undefined): number {
  if (stat === undefined) return 0;
  const fields = statFields(stat);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * CPU time of a process's children that have ended and been waited for (cutime + cstime), ms:
 * Chromium starts helper processes that live for one PDF, whose CPU would otherwise be missed.
 */
function endedChildrenCpuOfStat(stat: string | undefined): number {
  if (stat === undefined) return 0;
  const fields = statFields(stat);
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** Every live process's stat line, by pid. */
function statTable(): Map<number, string> {
  const table = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    if (stat !== undefined) table.set(Number(entry), stat);
  }
  return table;
}

/** A process and all its descendants, with their stat lines. */
function treeOf(pid: number): Map<number, string> {
  const table = statTable();
  const children = new Map<number, number[]>();
  for (const [p, stat] of table) {
    const ppid = Number(statFields(stat)[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), p]);
  }
  const tree = new Map<number, string>();
  for (const stack = [pid]; stack.length > 0;) {
    const p = stack.pop()!;
    const stat = table.get(p);
    if (stat !== undefined) tree.set(p, stat);
    stack.push(...(children.get(p) ?? []));
  }
  return tree;
}

/** CPU time of one process, ms. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  return cpuOfStat(readProc(pid, 'stat'));
}

/**
 * CPU time of a process and all its descendants, ms, those that have ended meanwhile included
 * (their parents' cutime and cstime once waited for).
 */
export function processTreeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  let total = 0;
  for (const stat of treeOf(pid).values()) total += cpuOfStat(stat) + endedChildrenCpuOfStat(stat);
  return total;
}

/** CPU time of each of these processes, ms, by pid (a process that has ended is left out). */
export function processesCpuMs(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const stat = readProc(pid, 'stat');
    if (stat !== undefined) out.set(pid, cpuOfStat(stat));
  }
  return out;
}

/**
 * CPU the processes of `after` used since `before` was taken, ms: a process new in `after` (a
 * connection a pool opened meanwhile) counts whole; one gone by `after` is not counted.
 */
export function cpuBetweenMs(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, now] of after) total += now - (before.get(pid) ?? 0);
  return total;
}

/** CPU time of every process whose command name starts with `name`, ms. */
export function commandCpuMs(name: string): number {
  let total = 0;
  for (const stat of statTable().values()) {
    if (stat.slice(stat.indexOf('(') + 1).startsWith(name)) total += cpuOfStat(stat);
  }
  return total;
}

/** Resident memory of a process and all its descendants, bytes. */
export function processTreeRssBytes(pid: number): number {
  let total = 0;
  for (const p of treeOf(pid).keys()) {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readProc(p, 'status') ?? '');
    if (m) total += Number(m[1]) * 1024;
  }
  return total;
}
