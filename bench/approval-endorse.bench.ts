/**
 * Endorsements per second over HTTP: the compiled API as its own process (as deployed, pool 20),
 * 50 approvers at once, each endorsing its own memos one after another (different memos, so
 * no 409s). All in one organisation: the worst case, since every command of an organisation
 * appends to the same history chain (its head row is locked until COMMIT).
 * Target (issue 3, on 2 cores): ≥ 500 endorsements/s with p99 ≤ 50 ms.
 * Submissions (which also issue the register number) are measured on the way, without a target.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import type { Person } from '@saraban/organisation';
import {
  createChain,
  createOrganisation,
  createPerson,
  createPosition,
  createUnit,
  TEST_PASSWORD,
} from '../test/utils/factories';
import { AppProcess, buildApps, freePort, removeBuild } from '../test/utils/processes';
import { createBenchDatabase } from './lib/bench-database';
import { benchNodeArgs, isQuickRun } from './lib/bench-options';
import { BenchHttpClient } from './lib/http-client';
import { commandCpuMs, processCpuMs } from './lib/process-cpu';
import type { BenchRow } from './lib/bench-row';
import { percentile } from './lib/percentile.util';

const APPROVERS = Number(process.env.BENCH_APPROVERS ?? 50);
/** 1 = the worst case (one history chain); BENCH_APPROVAL_ORGS=10 spreads the approvers. */
const ORGANISATIONS = Number(process.env.BENCH_APPROVAL_ORGS ?? 1);
const WARM_UP = 3;
const TARGET_OPS = 500;
const TARGET_P99_MS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(
  client: BenchHttpClient,
  url: string,
  token: string,
  body: unknown,
): Promise<{ version: number }> {
  const res = await client.request('POST', url, token, body);
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as { version: number };
}

/** 50 loops at once, one per approver; answers the latency of each call after the warm-up. */
async function inParallel(
  lanes: number,
  perLane: number,
  call: (lane: number, i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let measuredStart = Number.POSITIVE_INFINITY;
  let end = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; i < perLane; i++) {
        const s = performance.now();
        await call(lane, i);
        const e = performance.now();
        if (i >= WARM_UP) {
          measuredStart = Math.min(measuredStart, s);
          latencies.push(e - s);
          end = Math.max(end, e);
        }
      }
    }),
  );
  return { latencies, seconds: (end - measuredStart) / 1000 };
}

function row(
  name: string,
  m: { latencies: number[]; seconds: number },
  target: boolean,
  notes: string,
): BenchRow {
  const opsPerSecond = m.latencies.length / m.seconds;
  const p99Ms = percentile(m.latencies, 99);
  return {
    name,
    operations: m.latencies.length,
    opsPerSecond,
    p50Ms: percentile(m.latencies, 50),
    p99Ms,
    target: target ? `≥ ${TARGET_OPS}/s, p99 ≤ ${TARGET_P99_MS} ms` : '',
    met: target ? opsPerSecond >= TARGET_OPS && p99Ms <= TARGET_P99_MS : null,
    notes,
  };
}

export async function run(): Promise<BenchRow[]> {
  const perApprover = isQuickRun() ? WARM_UP + 4 : WARM_UP + 40;
  const database = await createBenchDatabase();
  const db = new DataSource(dataSourceOptions(database.url, 4));
  await db.initialize();
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `bench${randomBytes(4).toString('hex')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SIGNING_KEY_SECRET: 'bench-secret-of-sufficient-length',
  };
  const build = buildApps();
  const api = new AppProcess(path.join(build, 'apps/api/src/main.js'), env, benchNodeArgs());
  try {
    // One organisation; each approver heads a unit whose chain is approver → mayor.
    const orgs = await Promise.all(
      Array.from({ length: ORGANISATIONS }, (_, o) =>
        createOrganisation(db, { code: `bench-approval-${o}` }),
      ),
    );
    const mayorPosts = await Promise.all(orgs.map((o) => createPosition(db, o, 'นายกองค์การบริหารส่วนตำบล')));
    const authors: Person[] = [];
    const approvers: Person[] = [];
    for (let i = 0; i < APPROVERS; i++) {
      const org = orgs[i % ORGANISATIONS];
      const mayorPost = mayorPosts[i % ORGANISATIONS];
      const unit = await createUnit(db, org, { name: `กองที่ ${i + 1}` });
      const head = await createPosition(db, org, `ผู้อำนวยการกองที่ ${i + 1}`, { unitId: unit.id });
      const officer = await createPosition(db, org, 'นิติกร', { unitId: unit.id });
      await createChain(db, org, unit, [head, mayorPost]);
      authors.push(await createPerson(db, org, { unit, positions: [officer], username: `author${i}` }));
      approvers.push(await createPerson(db, org, { unit, positions: [head], username: `head${i}` }));
    }
    // Drafts straight into the table (drafting is not what is measured).
    const drafts: { id: string; author_id: string }[] = await db.query(
      `INSERT INTO memos (organisation_id, author_id, unit_id, unit_line, subject, addressee, body, closing,
         signer_position_id)
       SELECT p.organisation_id, p.id, p.unit_id, 'สำนักปลัด โทร. ๐๔๒-๐๖๑-๒๒๖', 'ขออนุมัติโครงการ ' || g,
              'นายกองค์การบริหารส่วนตำบล', '[{"type":"paragraph","text":"ตามที่ ..."}]'::jsonb,
              'จึงเรียนมาเพื่อโปรดพิจารณา', pp.position_id
         FROM people p JOIN person_positions pp ON pp.person_id = p.id, generate_series(1, $1::int) g
        WHERE p.id = ANY($2::uuid[])
       RETURNING id, author_id`,
      [perApprover, authors.map((a) => a.id)],
    );
    const memosOf = authors.map((a) => drafts.filter((d) => d.author_id === a.id).map((d) => d.id));

    api.start();
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/health/ready`)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 600) throw new Error('the API did not start');
      await sleep(100);
    }
    const client = new BenchHttpClient(base, APPROVERS);
    const codeOf = new Map(orgs.map((o) => [o.id, o.code]));
    const login = async (p: Person) => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          organisation: codeOf.get(p.organisationId),
          username: p.username,
          password: TEST_PASSWORD,
        }),
      });
      if (!res.ok) throw new Error(`login ${p.username}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    };
    const authorTokens = await Promise.all(authors.map(login));
    const approverTokens = await Promise.all(approvers.map(login));

    const versions = new Map<string, number>();
    const submits = await inParallel(APPROVERS, perApprover, async (lane, i) => {
      const id = memosOf[lane][i];
      const view = await post(client, `/memos/${id}/submit`, authorTokens[lane], { version: 1 });
      versions.set(id, view.version);
    });
    const load = () => `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;
    const loadBefore = load();
    const cpuBefore = {
      api: processCpuMs(api.pid),
      pg: commandCpuMs('postgres'),
      bench: processCpuMs(process.pid),
    };
    const endorsements = await inParallel(APPROVERS, perApprover, (lane, i) => {
      const id = memosOf[lane][i];
      return post(client, `/memos/${id}/endorse`, approverTokens[lane], {
        opinion: 'เห็นควรอนุมัติ',
        version: versions.get(id),
      });
    });
    const loadAfter = load();
    const cpuPer = (now: number, before: number) => ((now - before) / (APPROVERS * perApprover)).toFixed(1);
    const cpu = `CPU per endorsement: API ${cpuPer(processCpuMs(api.pid), cpuBefore.api)} ms, PostgreSQL ${cpuPer(commandCpuMs('postgres'), cpuBefore.pg)} ms, load generator ${cpuPer(processCpuMs(process.pid), cpuBefore.bench)} ms`;
    client.close();

    const [check] = await db.query<{ endorsed: number; waiting: number }[]>(
      `SELECT (SELECT count(*)::int FROM approval_history WHERE organisation_id = ANY($1::uuid[]) AND action = 'endorsed') AS endorsed,
              (SELECT count(*)::int FROM memo_workflows WHERE organisation_id = ANY($1::uuid[]) AND current_seq = 1) AS waiting`,
      [orgs.map((o) => o.id)],
    );
    const expected = APPROVERS * perApprover;
    if (check.endorsed !== expected || check.waiting !== expected) {
      throw new Error(
        `expected ${expected} endorsements, found ${check.endorsed} (${check.waiting} at the mayor)`,
      );
    }
    return [
      row(
        `approval: endorse over HTTP, ${APPROVERS} approvers, different memos`,
        endorsements,
        true,
        `${ORGANISATIONS === 1 ? 'one organisation (one history chain)' : `${ORGANISATIONS} organisations`}; compiled API, pool 20; each endorsement = lock memo, transition, snapshot, history entry, outbox row, commit; ${cpu}; ${loadBefore} before, ${loadAfter} after`,
      ),
      row(
        `approval: submit over HTTP, ${APPROVERS} authors`,
        submits,
        false,
        'submission also issues the register number in the same transaction (one counter for the organisation)',
      ),
    ];
  } finally {
    await api.stop();
    await db.destroy();
    await database.drop();
    removeBuild(build);
  }
}
