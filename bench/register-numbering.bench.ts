/**
 * Outgoing-register numbering under contention: 50 clients, each a loop issuing numbers
 * through RegisterService, every issue in its own transaction, all in one organisation and
 * year (the worst case: one counter row serialises every issuer).
 * Target (issue 2, on 2 cores): ≥ 1,000 numbers/s with p99 wait ≤ 50 ms.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import { RegisterService } from '@saraban/register';
import { createBenchDatabase } from './lib/bench-database';
import { isQuickRun } from './lib/bench-options';
import { commandCpuMs } from './lib/process-stats';
import { latencyFigures, type BenchRow } from './lib/bench-row';
import { Organisation } from '../test/utils/entities';

const CLIENTS = 50;
/** The API's default DATABASE_POOL_SIZE: clients beyond it wait for a connection, as in the app. */
const POOL_SIZE = 20;
const TARGET_OPS = 1000;
const TARGET_P99_MS = 50;

interface Measured {
  latencies: number[];
  seconds: number;
  /** Time in stretches of more than 10 ms in which no issue completed (a starved lock holder). */
  stalledMs: number;
  /** The longest this process waited for the CPU beyond a 10 ms timer (another sign of starvation). */
  maxEventLoopLagMs: number;
  /** CPU per issue: this process (the service, TypeORM, pg) and every PostgreSQL process, ms. */
  cpuMsPerIssue: { client: number; postgres: number };
}

/** `clients` loops share `total` issues; each issue's wait is from asking to committed. */
async function measure(
  clients: number,
  total: number,
  issue: (client: number) => Promise<unknown>,
): Promise<Measured> {
  const latencies: number[] = [];
  const completions: number[] = [];
  let started = 0;
  let maxEventLoopLagMs = 0;
  let tick = performance.now();
  const lagProbe = setInterval(() => {
    const now = performance.now();
    maxEventLoopLagMs = Math.max(maxEventLoopLagMs, now - tick - 10);
    tick = now;
  }, 10);
  const t0 = performance.now();
  const nodeCpu0 = process.cpuUsage();
  const pgCpu0 = commandCpuMs('postgres');
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        while (started < total) {
          started++;
          const s = performance.now();
          await issue(client);
          const e = performance.now();
          latencies.push(e - s);
          completions.push(e);
        }
      }),
    );
  } finally {
    clearInterval(lagProbe);
  }
  const seconds = (performance.now() - t0) / 1000;
  const nodeCpu = process.cpuUsage(nodeCpu0);
  const cpuMsPerIssue = {
    client: (nodeCpu.user + nodeCpu.system) / 1000 / latencies.length,
    postgres: (commandCpuMs('postgres') - pgCpu0) / latencies.length,
  };
  completions.sort((a, b) => a - b);
  let stalledMs = 0;
  for (let i = 1; i < completions.length; i++) {
    const gap = completions[i] - completions[i - 1];
    if (gap > 10) stalledMs += gap;
  }
  return { latencies, seconds, stalledMs, maxEventLoopLagMs, cpuMsPerIssue };
}

function starvation(m: Measured): string {
  const share = (100 * m.stalledMs) / (m.seconds * 1000);
  const cpu = m.cpuMsPerIssue;
  return `no issue completed for ${share.toFixed(0)}% of the run (gaps > 10 ms); max event-loop lag ${m.maxEventLoopLagMs.toFixed(0)} ms; CPU per number: client ${cpu.client.toFixed(2)} ms, PostgreSQL ${cpu.postgres.toFixed(2)} ms`;
}

function row(name: string, m: Measured, target: boolean, notes: string): BenchRow {
  const figures = latencyFigures(m.latencies, m.seconds);
  const { opsPerSecond, p99Ms } = figures;
  return {
    name,
    ...figures,
    target: target ? `≥ ${TARGET_OPS}/s, p99 ≤ ${TARGET_P99_MS} ms` : '',
    met: target ? opsPerSecond >= TARGET_OPS && p99Ms <= TARGET_P99_MS : null,
    notes,
  };
}

export async function run(): Promise<BenchRow[]> {
  const total = isQuickRun() ? 1_000 : 10_000;
  const database = await createBenchDatabase();
  const db = new DataSource(dataSourceOptions(database.url, POOL_SIZE));
  await db.initialize();
  try {
    const org = await db.getRepository(Organisation).save({
      code: 'bench',
      name: 'องค์การบริหารส่วนตำบลทดสอบสมรรถนะ',
      registerCode: 'นพ ๗๑๕๐๑',
      digits: 'thai',
    });
    const service = new RegisterService(db);
    let n = 0;
    const issue = (register: string) =>
      db.transaction((m) =>
        service.issueNumber(m, {
          organisationId: org.id,
          register,
          at: new Date(),
          fromText: 'นิติกร',
          toText: 'นายกองค์การบริหารส่วนตำบล',
          subject: `ขออนุมัติโครงการ ${++n}`,
        }),
      );

    const outgoing = () => issue('outgoing');
    const paperLetter = () =>
      service.registerDocument(
        org.id,
        'outgoing',
        { fromText: 'ก', toText: 'ข', subject: `หนังสือ ${++n}` },
        null,
      );
    const ownRegister = (client: number) => issue(`bench-${client}`);
    const load = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;

    // Warm-up: connections opened, statements prepared, JIT settled.
    await measure(CLIENTS, Math.min(1_000, total / 5), outgoing);
    const single = await measure(1, Math.min(2_000, total / 5), outgoing);
    const loadBefore = load();
    const contended = await measure(CLIENTS, total, outgoing);
    const loadAfter = load();
    const ownStatement = await measure(CLIENTS, total, paperLetter);
    // The same work without a shared counter: what this machine allows at all right now.
    const ceiling = await measure(CLIENTS, total, ownRegister);

    const [check] = await db.query<{ count: number; max: number }[]>(
      `SELECT count(*)::int AS count, max(number) AS max FROM register_entries
       WHERE organisation_id = $1 AND register = 'outgoing'`,
      [org.id],
    );
    const outgoingIssued = n - total; // all but the ceiling run's
    if (check.count !== check.max || check.count !== outgoingIssued) {
      throw new Error(`numbers are not 1..${outgoingIssued}: count ${check.count}, max ${check.max}`);
    }
    return [
      row('register: 1 client (uncontended)', single, false, 'one issue at a time: the latency of one issue'),
      row(
        `register: ${CLIENTS} clients, one counter, caller's tx`,
        contended,
        true,
        `each issue inside the caller's BEGIN … COMMIT as a memo submission does; pool ${POOL_SIZE}; wait = asking → committed (incl. waiting for a connection); ` +
          `numbers 1..${check.count} without a gap; ${starvation(contended)}; ${loadBefore} before, ${loadAfter} after`,
      ),
      row(
        `register: ${CLIENTS} clients, one counter, single-statement tx`,
        ownStatement,
        true,
        `registerDocument (paper letters): the issue is its own transaction, no round trip under the lock; ${starvation(ownStatement)}`,
      ),
      row(
        `register: ${CLIENTS} clients, ${CLIENTS} counters`,
        ceiling,
        false,
        `no shared counter (each client its own register): the machine's ceiling for this work; ${starvation(ceiling)}`,
      ),
    ];
  } finally {
    await db.destroy();
    await database.drop();
  }
}
