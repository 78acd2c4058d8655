/** `npm run bench -- --quick` sets this: benchmarks shrink their workload (smoke run, not figures). */
export function isQuickRun(): boolean {
  return process.env.BENCH_QUICK === '1';
}

/**
 * Node flags for the processes a benchmark starts (API, worker), from BENCH_NODE_ARGS, e.g.
 * BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where they spend their time.
 */
export function benchNodeArgs(): string[] {
  return (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}
