/**
 * npm run bench [-- --quick] [FILTER…]: runs every bench/*.bench.ts (or those whose file
 * name contains one of the filters), prints one table and writes bench/results.json.
 * A missed target is reported, not fatal (the figures depend on the machine); a benchmark
 * that throws makes the run exit non-zero.
 */
import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './lib/bench-row';
import { formatTable } from './lib/format-table.util';

interface BenchModule {
  run: () => Promise<BenchRow[]>;
}

function isBenchModule(m: unknown): m is BenchModule {
  return typeof m === 'object' && m !== null && typeof (m as { run?: unknown }).run === 'function';
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--quick')) process.env.BENCH_QUICK = '1';
  const filters = args.filter((a) => !a.startsWith('--'));
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches ${filters.join(', ') || '(none found)'}`);
    return 1;
  }

  const rows: BenchRow[] = [];
  const failures: { bench: string; error: string }[] = [];
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    console.log(`[bench] ${name} …`);
    try {
      const mod: unknown = await import(path.join(__dirname, file));
      if (!isBenchModule(mod)) throw new Error(`${file} does not export run(): Promise<BenchRow[]>`);
      rows.push(...(await mod.run()));
    } catch (error: unknown) {
      console.error(`[bench] ${name} failed:`, error);
      failures.push({ bench: name, error: error instanceof Error ? error.message : String(error) });
    }
  }

  console.log('\n' + formatTable(rows));
  for (const row of rows.filter((r) => r.notes)) console.log(`  ${row.name}: ${row.notes}`);
  const results = {
    finishedAt: new Date().toISOString(),
    quick: process.env.BENCH_QUICK === '1',
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverage: os.loadavg(),
      node: process.version,
    },
    rows,
    failures,
  };
  const out = path.join(__dirname, 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
