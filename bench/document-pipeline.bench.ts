/**
 * The whole document pipeline, as deployed: the compiled API and worker as processes, real
 * PostgreSQL, Redis and Chromium. 200 two-page memos with three endorsements are decided by
 * `cores` concurrent decision makers over HTTP; each is timed from the decision's answer to its
 * publication row (render → sign → publish through the outbox and BullMQ).
 *   Target (issue 4, 2 cores): ≥ 20 signed PDFs/s, p50 ≤ 500 ms, p99 ≤ 2 s; the worker's memory flat.
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { loadConfig } from '@saraban/config';
import { dataSourceOptions } from '@saraban/database';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';
import { AppProcess, ROOT, buildApps, freePort, removeBuild } from '../test/utils/processes';
import { dropQueueKeys } from '../test/utils/test-app';
import { createBenchDatabase } from './lib/bench-database';
import { benchNodeArgs, isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { percentile } from './lib/percentile.util';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS in bytes of a process and all its descendants (the worker and its Chromium), from /proc. */
function rssOfTree(pid: number): number {
  let total = 0;
  const stack = [pid];
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function http<T>(
  base: string,
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function run(): Promise<BenchRow[]> {
  const total = isQuickRun() ? 40 : 200;
  const concurrency = os.availableParallelism();
  const database = await createBenchDatabase();
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: prefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SIGNING_KEY_SECRET: 'bench-secret-of-sufficient-length',
    OUTBOX_POLL_MS: '1000',
  };
  const out = buildApps();
  const config = loadConfig({ ...process.env, ...env });
  const db = new DataSource(dataSourceOptions(database.url, 4));
  await db.initialize();
  const api = new AppProcess(path.join(out, 'apps/api/src/main.js'), env, benchNodeArgs());
  const worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), env, benchNodeArgs());
  try {
    const file = parseOrganisationFile(readFileSync(path.join(ROOT, 'demo/organisation.yaml'), 'utf8'));
    const summary = await new OrganisationImportService(db).import(file);
    await new CertificateService(db, config).installSelfSigned(
      summary.organisationId,
      file.organisation.name,
    );

    api.start();
    worker.start();
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
    const login = (username: string) =>
      http<{ token: string }>(base, 'POST', '/auth/login', null, {
        organisation: 'khampee',
        username,
        password: 'demo-password',
      }).then((r) => r.token);
    const [author, head, mayor] = await Promise.all([login('amornrat'), login('somprasong'), login('kanok')]);

    // Memos waiting at the mayor's step: submitted, endorsed by the head and (acting) for the chief.
    const paragraph =
      'ตามที่ องค์การบริหารส่วนตำบลคำพี่ ได้ดำเนินการจัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ และได้แสดงมาตรการกิจกรรมที่ดำเนินการ การสรุปผลการดำเนินการ และผลลัพธ์ของการดำเนินการ เสร็จเรียบร้อยแล้ว';
    const ready: string[] = [];
    for (let i = 0; i < total; i++) {
      const memo = await http<{ id: string }>(base, 'POST', '/memos', author, {
        subject: `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม ฉบับที่ ${i + 1}`,
        body: [
          { type: 'heading', text: 'เรื่องเดิม' },
          { type: 'paragraph', text: paragraph },
          { type: 'heading', text: 'ข้อเท็จจริง' },
          { type: 'paragraph', text: paragraph },
          { type: 'heading', text: 'ข้อเสนอ/ข้อพิจารณา' },
          { type: 'paragraph', text: paragraph },
        ],
        publish: true,
        oitItem: 'o28',
      });
      await http(base, 'POST', `/memos/${memo.id}/submit`, author, {});
      await http(base, 'POST', `/memos/${memo.id}/endorse`, head, { opinion: 'เห็นควรอนุมัติ' });
      await http(base, 'POST', `/memos/${memo.id}/endorse`, head, { opinion: 'เห็นควรอนุมัติ และเผยแพร่' });
      ready.push(memo.id);
    }
    // Warm: one document through the whole pipeline before the clock starts.
    const decidedAt = new Map<string, number>();
    const decide = async (id: string) => {
      await http(base, 'POST', `/memos/${id}/decide`, mayor, { order: 'approved' });
      decidedAt.set(id, Date.now());
    };
    const warm = ready.shift()!;
    await decide(warm);
    const count = async (): Promise<number> => {
      const rows: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM publications');
      return rows[0].n;
    };
    while ((await count()) < 1) await sleep(50);

    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssOfTree(worker.pid!)), 250);
    const started = performance.now();
    const queue = [...ready];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) await decide(id);
      }),
    );
    for (;;) {
      if ((await count()) >= ready.length + 1) break;
      if (performance.now() - started > 600_000) throw new Error('publications did not all arrive');
      await sleep(20);
    }
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const published: { memo_id: string; at: Date }[] = await db.query(
      'SELECT memo_id, published_at AS at FROM publications WHERE memo_id = ANY($1)',
      [ready],
    );
    const latencies = published.map((p) => p.at.getTime() - decidedAt.get(p.memo_id)!).sort((a, b) => a - b);
    const sizes: { bytes: number; pages: number }[] = await db.query(
      'SELECT max(length(signed_pdf))::int AS bytes, max(page_count)::int AS pages FROM signed_documents',
    );
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const opsPerSecond = ready.length / elapsedS;
    const mb = (b: number) => Math.round(b / (1024 * 1024));
    const third = Math.max(1, Math.floor(rss.length / 3));
    const firstPeak = Math.max(...rss.slice(0, third));
    const lastPeak = Math.max(...rss.slice(-third));
    return [
      {
        name: `pipeline: decision → signed PDF published (${ready.length} memos, ${concurrency} deciders)`,
        operations: ready.length,
        opsPerSecond,
        p50Ms: p50,
        p99Ms: p99,
        target: '≥ 20/s, p50 ≤ 500 ms, p99 ≤ 2000 ms',
        met: opsPerSecond >= 20 && p50 <= 500 && p99 <= 2000,
        notes: `API and worker as processes; latency = decision answered → publication row; largest signed PDF ${Math.round(sizes[0].bytes / 1024)} KB`,
      },
      {
        name: 'pipeline: worker + Chromium memory during the run (RSS)',
        operations: rss.length,
        opsPerSecond: 0,
        p50Ms: 0,
        p99Ms: 0,
        target: 'flat',
        met: lastPeak <= firstPeak * 1.15,
        notes: `peak first third ${mb(firstPeak)} MB, last third ${mb(lastPeak)} MB, overall ${mb(Math.max(...rss))} MB`,
      },
    ];
  } finally {
    await worker.stop();
    await api.stop();
    await db.destroy();
    await dropQueueKeys(prefix);
    await database.drop();
    removeBuild(out);
  }
}
