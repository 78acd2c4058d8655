import { percentile } from './percentile.util';

/** One line of the benchmark table. */
export interface BenchRow {
  name: string;
  /** Operations measured (warm-up excluded). */
  operations: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The target in words, e.g. "≥ 1000/s, p99 ≤ 50 ms"; empty when there is none. */
  target: string;
  /** Whether the target was met; null when there is no target. */
  met: boolean | null;
  /** Anything a reader needs to interpret the figures (pool size, check results…). */
  notes?: string;
}

/** A row's figures from the latencies of operations run over `seconds`. */
export function latencyFigures(
  latencies: readonly number[],
  seconds: number,
): Pick<BenchRow, 'operations' | 'opsPerSecond' | 'p50Ms' | 'p99Ms'> {
  return {
    operations: latencies.length,
    opsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
