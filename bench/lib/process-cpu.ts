import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) a process has used, in ms, from /proc. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  return cpuOfStat(readStat(pid));
}

/** CPU time of every process whose command name starts with `name` (e.g. PostgreSQL's backends). */
export function commandCpuMs(name: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.slice(stat.indexOf('(') + 1).startsWith(name)) total += cpuOfStat(stat);
  }
  return total;
}

function readStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // ended meanwhile
  }
}

function cpuOfStat(stat: string | undefined): number {
  if (stat === undefined) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** CPU time of a process and all its descendants (e.g. the API's cluster processes). */
export function processTreeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const children = new Map<number, number[]>();
  const stats = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat === undefined) continue;
    stats.set(Number(entry), stat);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let total = 0;
  for (const stack = [pid]; stack.length > 0;) {
    const p = stack.pop()!;
    total += cpuOfStat(stats.get(p));
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}
