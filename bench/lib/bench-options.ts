/** `npm run bench -- --quick` sets this: benchmarks shrink their workload (smoke run, not figures). */
export function isQuickRun(): boolean {
  return process.env.BENCH_QUICK === '1';
}
