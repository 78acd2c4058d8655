/**
 * The inbox query at scale: 1,000,000 memos (a quarter of them waiting somewhere) and 10,000
 * people in 100 organisations, bulk-loaded with generate_series. Five posts per organisation
 * (head, chief, mayor …) take half of what waits, so their holders have long inboxes; one
 * person per organisation also acts for the mayor (two capacities).
 * Measured: ApprovalQueryService.inbox() for people drawn at random (capacities, counts and
 * the first page), plus the filtered and searched forms; EXPLAIN checks there is no
 * sequential scan. Target (issue 3): p95 ≤ 10 ms, on an index.
 */
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import {
  ApprovalQueryService,
  ApprovalReader,
  INBOX_COUNTS_SQL,
  INBOX_ITEMS_SQL,
  StaffingReader,
} from '@saraban/approval';
import type { AuthUser } from '@saraban/auth';
import { dataSourceOptions } from '@saraban/database';
import { MemoAccessPolicy } from '@saraban/memo';
import { createBenchDatabase } from './lib/bench-database';
import { isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { percentile } from './lib/percentile.util';

const ORGS = 100;
const PEOPLE_PER_ORG = 100;
const TARGET_P95_MS = 10;

async function bulkLoad(db: DataSource, memos: number): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(
    `INSERT INTO organisations (code, name, register_code)
           SELECT 'bench-' || g, 'องค์การบริหารส่วนตำบลทดสอบ ' || g, 'นพ ๗๑๕๐๑' FROM generate_series(1, $1::int) g`,
    [ORGS],
  );
  await q(`CREATE TABLE bench_orgs AS
           SELECT id, row_number() OVER (ORDER BY code) AS o FROM organisations WHERE code LIKE 'bench-%'`);
  await q(`INSERT INTO units (organisation_id, code, name) SELECT id, 'u', 'สำนักปลัด' FROM bench_orgs`);
  await q(
    `INSERT INTO positions (organisation_id, code, title)
           SELECT b.id, 'p' || g, 'ตำแหน่งที่ ' || g FROM bench_orgs b, generate_series(1, $1::int) g`,
    [PEOPLE_PER_ORG],
  );
  await q(
    `INSERT INTO people (organisation_id, username, prefix, full_name, unit_id)
           SELECT b.id, 'u' || g, 'นาย', 'บุคคล ' || g, u.id
             FROM bench_orgs b JOIN units u ON u.organisation_id = b.id, generate_series(1, $1::int) g`,
    [PEOPLE_PER_ORG],
  );
  await q(`CREATE TABLE bench_people AS
           SELECT p.id, p.organisation_id, p.unit_id, pos.id AS position_id, b.o, substr(p.username, 2)::int AS k
             FROM people p JOIN bench_orgs b ON b.id = p.organisation_id
             JOIN positions pos ON pos.organisation_id = p.organisation_id AND pos.code = 'p' || substr(p.username, 2)`);
  await q(`CREATE UNIQUE INDEX ON bench_people (o, k)`);
  await q(`INSERT INTO person_positions (person_id, position_id, organisation_id, "primary")
           SELECT id, position_id, organisation_id, true FROM bench_people`);
  // Person 6 of every organisation also acts for post 1 (the mayor's).
  await q(`INSERT INTO acting_orders (organisation_id, person_id, position_id, kind, from_date, to_date, reference)
           SELECT a.organisation_id, a.id, m.position_id, 'acting', '2020-01-01', NULL, 'คำสั่งที่ ๑/๒๕๖๘'
             FROM bench_people a JOIN bench_people m ON m.o = a.o AND m.k = 1 WHERE a.k = 6`);
  // Orders that ran out years ago (every office keeps its old ones): 20 per organisation.
  await q(`INSERT INTO acting_orders (organisation_id, person_id, position_id, kind, from_date, to_date, reference)
           SELECT a.organisation_id, a.id, m.position_id, 'delegated', '2019-01-01', '2019-12-31', 'คำสั่งที่ ๙/๒๕๖๒'
             FROM bench_people a JOIN bench_people m ON m.o = a.o AND m.k = a.k + 1 WHERE a.k <= 20`);
  // memo g: organisation g % ORGS; q = g / ORGS numbers it within its organisation and picks
  // its author; every fourth waits, half of those at one of posts 1–5, the rest spread over all.
  await q(
    `CREATE TABLE bench_memos AS
     SELECT md5('memo' || g)::uuid AS id, g, (g % $2::int) + 1 AS o, ((g / $2::int) % $3::int) + 1 AS author_k,
            CASE WHEN (g / $2::int / 4) % 2 = 0 THEN ((g / $2::int / 8) % 5) + 1
                 ELSE ((g / $2::int / 4) * 37 + 11) % $3::int + 1 END AS position_k,
            (g / $2::int) % 4 = 0 AS waiting
       FROM generate_series(1, $1::int) g`,
    [memos, ORGS, PEOPLE_PER_ORG],
  );
  await q(`INSERT INTO memos (id, organisation_id, author_id, unit_id, unit_line, subject, addressee, body, closing,
             urgency, signer_position_id, status, version, created_at, updated_at)
           SELECT m.id, a.organisation_id, a.id, a.unit_id, 'สำนักปลัด โทร. ๐๔๒-๐๖๑-๒๒๖',
                  'รายงานผลการดำเนินการ ครั้งที่ ' || m.g, 'นายกองค์การบริหารส่วนตำบล',
                  '[{"type":"paragraph","text":"ตามที่ ..."}]'::jsonb, 'จึงเรียนมาเพื่อโปรดพิจารณา',
                  (ARRAY['normal','normal','normal','normal','normal','urgent','very_urgent','most_urgent'])[(m.g % 8) + 1],
                  a.position_id, CASE WHEN m.waiting THEN 'in_review' ELSE 'decided' END, 3,
                  now() - make_interval(secs => m.g), now() - make_interval(secs => m.g)
             FROM bench_memos m JOIN bench_people a ON a.o = m.o AND a.k = m.author_k`);
  await q(`INSERT INTO memo_workflows (memo_id, organisation_id, machine_version, snapshot, route, state, round,
             current_seq, current_position_id, author_id, subject, document_no, register_entry_id, urgency_order,
             waiting_since, submitted_at, version, updated_at)
           SELECT m.id, a.organisation_id, 2,
                  jsonb_build_object('status', CASE WHEN m.waiting THEN 'active' ELSE 'done' END,
                    'value', CASE WHEN m.waiting THEN 'review' ELSE 'decided' END, 'historyValue', '{}'::jsonb,
                    'children', '{}'::jsonb,
                    'context', jsonb_build_object('route', r.route, 'round', 1, 'stepIndex', 0, 'marks', '[]'::jsonb,
                      'numberIssued', true, 'returnReason', NULL,
                      'decision', CASE WHEN m.waiting THEN NULL ELSE '{"order":"approved","text":null}'::jsonb END)),
                  r.route, CASE WHEN m.waiting THEN 'review' ELSE 'decided' END, 1,
                  CASE WHEN m.waiting THEN 0 END, CASE WHEN m.waiting THEN p.position_id END,
                  a.id, 'รายงานผลการดำเนินการ ครั้งที่ ' || m.g, 'นพ ๗๑๕๐๑/' || m.g, NULL,
                  (ARRAY[3,3,3,3,3,2,1,0])[(m.g % 8) + 1],
                  now() - make_interval(secs => m.g), now() - make_interval(secs => m.g), 3, now() - make_interval(secs => m.g)
             FROM bench_memos m
             JOIN bench_people a ON a.o = m.o AND a.k = m.author_k
             JOIN bench_people p ON p.o = m.o AND p.k = m.position_k
             CROSS JOIN LATERAL (SELECT jsonb_build_array(
               jsonb_build_object('seq', 0, 'positionId', p.position_id, 'positionTitle', 'ตำแหน่งที่ ' || m.position_k,
                 'heading', 'ความเห็นของตำแหน่งที่ ' || m.position_k)) AS route) r`);
  await q('VACUUM ANALYZE memos');
  await q('VACUUM ANALYZE memo_workflows');
  await q('ANALYZE people');
  await q('ANALYZE person_positions');
  await q('ANALYZE acting_orders');
  await q('ANALYZE positions');
}

interface Person {
  id: string;
  organisation_id: string;
  k: number;
}

function userOf(p: Person): AuthUser {
  return {
    personId: p.id,
    organisationId: p.organisation_id,
    organisationCode: '',
    username: `u${p.k}`,
    prefix: 'นาย',
    fullName: '',
    roles: ['officer'],
    sessionId: '',
  };
}

async function timed(samples: Person[], call: (u: AuthUser) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (const p of samples) {
    const s = performance.now();
    await call(userOf(p));
    latencies.push(performance.now() - s);
  }
  return latencies;
}

function planNodes(plan: unknown): string[] {
  const node = plan as {
    'Node Type'?: string;
    'Relation Name'?: string;
    'Index Name'?: string;
    Plans?: unknown[];
  };
  const here = node['Node Type']
    ? [
        `${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`,
      ]
    : [];
  return [...here, ...(node.Plans ?? []).flatMap(planNodes)];
}

function row(name: string, latencies: number[], notes: string, seconds: number): BenchRow {
  const p95 = percentile(latencies, 95);
  return {
    name,
    operations: latencies.length,
    opsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    target: `p95 ≤ ${TARGET_P95_MS} ms, on an index`,
    // A sequential scan of a big table fails the row; a planner's choice on a few hundred rows does not.
    met: p95 <= TARGET_P95_MS && !/Seq Scan on (memo_workflows|memos|people|person_positions)\b/.test(notes),
    notes: `p95 ${p95.toFixed(2)} ms; ${notes}`,
  };
}

export async function run(): Promise<BenchRow[]> {
  const memos = isQuickRun() ? 50_000 : 1_000_000;
  const database = await createBenchDatabase();
  // The API's default pool; the measured calls run one at a time (the latency of one inbox).
  const db = new DataSource(dataSourceOptions(database.url, 20));
  await db.initialize();
  try {
    const loadStart = performance.now();
    await bulkLoad(db, memos);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const staffing = new StaffingReader();
    const queries = new ApprovalQueryService(
      db,
      staffing,
      new ApprovalReader(staffing, new MemoAccessPolicy(db)),
    );
    const samples: Person[] = await db.query(
      `SELECT id, organisation_id, k FROM bench_people ORDER BY md5(id::text) LIMIT $1`,
      [isQuickRun() ? 200 : 2000],
    );
    const heavy: Person[] = await db.query(
      `SELECT id, organisation_id, k FROM bench_people WHERE k IN (1, 6) LIMIT 200`,
    );

    await timed(samples.slice(0, 100), (u) => queries.inbox(u, {})); // warm-up
    const rows: BenchRow[] = [];
    const measure = async (
      name: string,
      people: Person[],
      call: (u: AuthUser) => Promise<unknown>,
      notes: string,
    ) => {
      const s = performance.now();
      const latencies = await timed(people, call);
      rows.push(row(name, latencies, notes, (performance.now() - s) / 1000));
    };

    // The heaviest inbox: the mayor's post, held by k=1 and acted for by k=6.
    const mayor = heavy.find((p) => p.k === 6)!;
    const positions: { position_id: string }[] = await db.query(
      `SELECT position_id FROM person_positions WHERE person_id = $1
        UNION SELECT position_id FROM acting_orders WHERE person_id = $1`,
      [mayor.id],
    );
    const params = [
      mayor.organisation_id,
      mayor.id,
      new Date().toISOString().slice(0, 10),
      null,
      null,
      null,
      null,
    ];
    const explain = async (sql: string, extra: unknown[]) => {
      const [{ 'QUERY PLAN': plan }] = await db.query<
        { 'QUERY PLAN': { Plan: unknown; 'Execution Time': number }[] }[]
      >(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [...params, ...extra]);
      return { nodes: [...new Set(planNodes(plan[0].Plan))], ms: plan[0]['Execution Time'] };
    };
    const itemsPlan = await explain(INBOX_ITEMS_SQL, [50, 50, 0]);
    const countsPlan = await explain(INBOX_COUNTS_SQL, []);
    const waitingForMayor: { n: number }[] = await db.query(
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM memo_workflows
        WHERE state = 'review' AND current_position_id = ANY($1::uuid[]) GROUP BY current_position_id) c`,
      [positions.map((p) => p.position_id)],
    );
    const planNote = `items plan: ${itemsPlan.nodes.join(', ')} (${itemsPlan.ms.toFixed(2)} ms); counts plan: ${countsPlan.nodes.join(', ')} (${countsPlan.ms.toFixed(2)} ms)`;

    await measure(
      `inbox: ${memos.toLocaleString('en')} memos, ${(ORGS * PEOPLE_PER_ORG).toLocaleString('en')} people, random people`,
      samples,
      (u) => queries.inbox(u, {}),
      `capacities + counts + first 50; bulk load ${loadSeconds.toFixed(0)} s; ${planNote}`,
    );
    await measure(
      'inbox: holders of the busiest posts (two capacities)',
      heavy,
      (u) => queries.inbox(u, {}),
      `a busiest post has ~${waitingForMayor[0]?.n ?? '?'} memos waiting`,
    );
    await measure(
      'inbox: filtered (urgency) and searched (subject)',
      samples.slice(0, 500),
      (u) => queries.inbox(u, { urgency: 'urgent', q: 'ครั้งที่ 1' }),
      'urgency=urgent&q=ครั้งที่ 1',
    );
    return rows;
  } finally {
    await db.destroy();
    await database.drop();
  }
}
