import type { BenchRow } from './bench-row';

const COLUMNS = ['name', 'operations', 'ops/s', 'p50 ms', 'p99 ms', 'target', 'met?'] as const;

function cells(row: BenchRow): string[] {
  return [
    row.name,
    String(row.operations),
    row.opsPerSecond.toFixed(0),
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    row.target,
    row.met === null ? '-' : row.met ? 'yes' : 'NO',
  ];
}

/** A plain-text table with right-aligned numbers, for the terminal and CI logs. */
export function formatTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)));
  const numeric = new Set([1, 2, 3, 4]);
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
