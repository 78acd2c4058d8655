/**
 * The whole document pipeline, as deployed: the compiled API and worker as processes, real
 * PostgreSQL, Redis and Chromium. Each memo is two pages with three endorsements, waiting at
 * the mayor's step; the mayor decides it over HTTP, and the outbox relay, the queue and the
 * worker (Chromium pool of `cores` tabs: "concurrency = cores" is the rendering concurrency)
 * turn the decision into a signed PDF on the portal.
 *
 * Issue 4's target on 2 cores: ≥ 20 signed PDFs/s, p50 ≤ 500 ms and p99 ≤ 2 s from decision to
 * published, the worker's memory flat. Throughput and latency cannot be measured with one burst:
 * if every decision arrives at once, a document's latency is only its wait in the queue (at
 * 20/s the 200th waits 10 s), so p50 ≤ 500 ms would need ~200 PDFs/s, which is not what the
 * 20/s means. The targets hold together under paced load, so there are four rows:
 *   1. capacity — a burst: `cores` clients decide 199 memos as fast as the API answers; the
 *      drain rate is 199 / (first decision sent → last publication row). Target ≥ 20/s.
 *   2. latency at the target rate — 200 fresh memos decided at a constant 20/s, open loop (one
 *      decision sent every 50 ms whatever the answers, like wrk2's constant throughput, so a
 *      slow pipeline cannot slow the offered load down and hide its own latency); p50 and p99
 *      of decision answered → publication row, and the rate at which publications came out.
 *      Target p50 ≤ 500 ms, p99 ≤ 2 s, completions keeping up (≥ 95 % of the offered rate).
 *   3. latency below saturation — 100 more memos at half the capacity row 1 measured, open loop:
 *      once the offered rate passes the capacity, row 2's latency is queue wait; this row is a
 *      document's own path through the relay, the queue, Chromium, the signature and the
 *      publication, with the issue's latency target (p50 ≤ 300 ms, p99 ≤ 1 s).
 *   4. memory — RSS of the worker and its Chromium over the three runs: the peak of the last
 *      third no more than 15 % above the peak of the first third.
 */
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@saraban/config';
import { PrintedChainService } from '@saraban/approval';
import { PdfRenderer, type MemoDocument } from '@saraban/document-render';
import { PDFDocument } from 'pdf-lib';
import { MemoDocumentAssembler, verificationCode } from '@saraban/pipeline';
import { dataSourceOptions } from '@saraban/database';
import { AppProcess, buildApps, freePort, removeBuild, waitForReady } from '../test/utils/processes';
import { dropQueueKeys } from '../test/utils/test-app';
import { createBenchDatabase } from './lib/bench-database';
import { benchNodeArgs, isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { benchAppEnv, demoLogin, importDemoOrganisation } from './lib/bench-stack';
import { BenchHttpClient } from './lib/http-client';
import { percentile } from './lib/percentile.util';
import {
  cpuBetweenMs,
  processCpuMs,
  processTreeCpuMs,
  processTreeRssBytes,
  processesCpuMs,
} from './lib/process-stats';

const PARAGRAPH =
  'ตามที่ องค์การบริหารส่วนตำบลคำพี่ ได้ดำเนินการจัดทำรายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ และได้แสดงมาตรการกิจกรรมที่ดำเนินการ การสรุปผลการดำเนินการ และผลลัพธ์ของการดำเนินการ เสร็จเรียบร้อยแล้ว';

/**
 * The memo every decision prints: two pages with the demo organisation's chain (the author, the
 * head's opinion, the head again acting for the chief administrator, the mayor's order and the
 * QR code). The run checks that it printed on two pages (issue 10 compares "the same 2-page memo").
 */
const BODY = [
  { type: 'heading' as const, text: 'เรื่องเดิม' },
  { type: 'paragraph' as const, text: PARAGRAPH },
  { type: 'heading' as const, text: 'ข้อเสนอ/ข้อพิจารณา' },
  {
    type: 'paragraph' as const,
    text: 'จึงเห็นควรรายงานผลการดำเนินการ และเผยแพร่บนเว็บไซต์ขององค์การบริหารส่วนตำบลคำพี่',
  },
];
const PAGES = 2;

/**
 * The baseline: Chromium's page.pdf alone, on warm tabs (`cores` at once), of the very HTML the
 * worker printed for a memo of this run (the warm-up memo, assembled again by the pipeline's own
 * assembler with the verification code it was printed with) — no templates at print time, no
 * signing, no queue, no database. Measured for the engine the worker uses (the configured
 * CHROMIUM_PATH, by default the headless shell), and for comparison in that engine's
 * --single-process mode and in Debian's full browser.
 */
async function rawChromium(
  printed: { document: MemoDocument; orgCode: string },
  documents: number,
  cores: number,
  engine: { singleProcess?: boolean; chromiumPath?: string; ownCodes?: boolean } = {},
): Promise<{ rate: number; chromiumMs: number }> {
  const { ownCodes = false, ...launch } = engine;
  const renderer = await PdfRenderer.create({ poolSize: cores, ...launch });
  try {
    // ownCodes: each print carries a verification code (QR code and link) of its own, as every
    // document of the pipeline does; otherwise one HTML printed again and again, whose QR code
    // image Chromium decodes once.
    const verification = printed.document.verification;
    const variants = ownCodes && verification ? documents : 1;
    const htmls = await Promise.all(
      Array.from({ length: variants }, (_, i) => {
        const code = i === 0 ? undefined : verificationCode();
        const document: MemoDocument =
          code && verification
            ? {
                ...printed.document,
                verification: {
                  url: verification.url.replace(verification.shortCode, code),
                  shortCode: code,
                },
              }
            : printed.document;
        return renderer.html(document, { orgCode: printed.orgCode });
      }),
    );
    let next = 0;
    let left = cores * 3;
    const lane = async (): Promise<void> => {
      while (left-- > 0) await renderer.printHtml(htmls[next++ % htmls.length]);
    };
    await Promise.all(Array.from({ length: cores }, lane));
    left = documents;
    next = 0;
    const chromium = () => processTreeCpuMs(renderer.chromiumPid());
    const cpu0 = chromium();
    const t0 = Date.now();
    await Promise.all(Array.from({ length: cores }, lane));
    const rate = documents / ((Date.now() - t0) / 1000);
    return { rate, chromiumMs: (chromium() - cpu0) / documents };
  } finally {
    await renderer.close();
  }
}

/** Debian's full browser, for comparison with the print engine the worker uses. */
const FULL_BROWSER = '/usr/bin/chromium';

const TARGET_RATE = 20;
/** Issue 10: decision → published p50 ≤ 300 ms, p99 ≤ 1 s at 20/s; capacity ≥ 0.85 × raw Chromium. */
const TARGET_P50_MS = 300;
const TARGET_P99_MS = 1000;
const TARGET_RAW_RATIO = 0.85;
const FLAT_TOLERANCE = 1.15;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PhaseResult {
  /** Decision answered → publication row, ms, sorted. */
  latencies: number[];
  /** First decision sent → last publication row, s. */
  spanS: number;
  /** First publication → last publication, s. */
  publishingS: number;
  /** Decision sent → answered, ms, sorted. */
  decideMs: number[];
  /** CPU per document, ms: the API (all its processes), the worker's node, its Chromium, PostgreSQL. */
  cpuMs: { api: number; worker: number; chromium: number; postgres: number };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export async function run(): Promise<BenchRow[]> {
  const perPhase = isQuickRun() ? 40 : 200;
  const cores = os.availableParallelism();
  const database = await createBenchDatabase();
  const port = await freePort();
  const env = {
    ...benchAppEnv(database.url, port),
    OUTBOX_POLL_MS: '1000',
    // The defaults under test: RENDER_POOL_SIZE = cores, WORKER_CONCURRENCY = 2 × pool.
  };
  const prefix = env.QUEUE_PREFIX;
  const out = buildApps();
  const config = loadConfig({ ...process.env, ...env });
  const db = new DataSource(dataSourceOptions(database.url, 4));
  await db.initialize();
  const api = new AppProcess(path.join(out, 'apps/api/src/main.js'), env, benchNodeArgs());
  const worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), env, benchNodeArgs());
  const client = new BenchHttpClient(`http://127.0.0.1:${port}`, 8);
  try {
    await importDemoOrganisation(db, config);

    api.start();
    worker.start();
    const base = `http://127.0.0.1:${port}`;
    if (!(await waitForReady(base))) throw new Error('the API did not start');
    const login = (username: string) => demoLogin(client, username);
    const [author, head, mayor] = await Promise.all([login('amornrat'), login('somprasong'), login('kanok')]);

    // Memos waiting at the mayor's step: submitted, endorsed by the head and (acting) for the chief.
    let made = 0;
    const prepare = async (n: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const memo = await client.json<{ id: string }>('POST', '/memos', author, {
          subject: `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม ฉบับที่ ${++made}`,
          body: BODY,
          publish: true,
          oitItem: 'o28',
        });
        await client.json('POST', `/memos/${memo.id}/submit`, author, {});
        await client.json('POST', `/memos/${memo.id}/endorse`, head, { opinion: 'เห็นควรอนุมัติ' });
        await client.json('POST', `/memos/${memo.id}/endorse`, head, { opinion: 'เห็นควรอนุมัติ และเผยแพร่' });
        ids.push(memo.id);
      }
      return ids;
    };
    const burstIds = await prepare(perPhase);
    const pacedIds = await prepare(perPhase);
    const withinIds = await prepare(Math.ceil(perPhase / 2));

    const sent = new Map<string, number>();
    const answered = new Map<string, number>();
    const decide = async (id: string) => {
      sent.set(id, Date.now());
      await client.json('POST', `/memos/${id}/decide`, mayor, { order: 'approved' });
      answered.set(id, Date.now());
    };
    const published = async (ids: string[]): Promise<Map<string, number>> => {
      const rows: { memo_id: string; at: Date }[] = await db.query(
        'SELECT memo_id, published_at AS at FROM publications WHERE memo_id = ANY($1)',
        [ids],
      );
      return new Map(rows.map((r) => [r.memo_id, r.at.getTime()]));
    };
    const untilPublished = async (ids: string[]): Promise<Map<string, number>> => {
      const deadline = Date.now() + 600_000;
      for (;;) {
        const rows: { n: number }[] = await db.query(
          'SELECT count(*)::int AS n FROM publications WHERE memo_id = ANY($1)',
          [ids],
        );
        if (rows[0].n >= ids.length) return published(ids);
        if (Date.now() > deadline) throw new Error('publications did not all arrive');
        // The times come from the rows themselves: polling slower costs no accuracy, only the
        // bench's share of the cores.
        await sleep(200);
      }
    };
    // PostgreSQL's share: the backends serving this benchmark's database (the API's and the
    // worker's pools, and this process's polling) and the server's own processes (WAL writer,
    // checkpointer, background writer: datname null), which the documents' writes keep busy.
    const backends = async (): Promise<number[]> =>
      (
        await db.query<{ pid: number }[]>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR datname IS NULL',
        )
      ).map((r) => r.pid);
    const measure = async (ids: string[], offer: () => Promise<void>): Promise<PhaseResult> => {
      const postgres0 = processesCpuMs(await backends());
      const cpuNow = () => {
        const node = processCpuMs(worker.pid);
        return {
          api: processTreeCpuMs(api.pid),
          worker: node,
          chromium: processTreeCpuMs(worker.pid) - node,
        };
      };
      const cpu0 = cpuNow();
      await offer();
      const at = await untilPublished(ids);
      const cpu1 = cpuNow();
      const postgres1 = processesCpuMs(await backends());
      const cpu = {
        api: (cpu1.api - cpu0.api) / ids.length,
        worker: (cpu1.worker - cpu0.worker) / ids.length,
        chromium: (cpu1.chromium - cpu0.chromium) / ids.length,
        // Backends the pools opened meanwhile count whole (they served only this phase).
        postgres: cpuBetweenMs(postgres0, postgres1) / ids.length,
      };
      const firstSent = Math.min(...ids.map((id) => sent.get(id)!));
      const times = [...at.values()];
      return {
        latencies: ids.map((id) => at.get(id)! - answered.get(id)!).sort((a, b) => a - b),
        spanS: (Math.max(...times) - firstSent) / 1000,
        publishingS: (Math.max(...times) - Math.min(...times)) / 1000,
        decideMs: ids.map((id) => answered.get(id)! - sent.get(id)!).sort((a, b) => a - b),
        cpuMs: cpu,
      };
    };

    // Warm: one document through the whole pipeline before any clock starts.
    const warm = burstIds.shift()!;
    await decide(warm);
    await untilPublished([warm]);

    // The baseline, in the same run, while the API and worker wait: the warm-up memo's HTML.
    const [warmDoc]: { organisation_id: string; verification_code: string; pdf: Buffer }[] = await db.query(
      'SELECT organisation_id, verification_code, signed_pdf AS pdf FROM signed_documents WHERE memo_id = $1',
      [warm],
    );
    const pages = (await PDFDocument.load(warmDoc.pdf)).getPageCount();
    if (pages !== PAGES)
      throw new Error(`the bench memo printed on ${pages} pages, not ${PAGES}: shorten BODY`);
    const assembled = await new MemoDocumentAssembler(db, new PrintedChainService(db), config).assemble(
      warmDoc.organisation_id,
      warm,
      warmDoc.verification_code,
    );
    const printed = { document: assembled.document, orgCode: assembled.orgCode };
    const engineName = config.CHROMIUM_PATH;
    const rawRun = await rawChromium(printed, perPhase, cores, { chromiumPath: engineName });
    const rawSingle = (
      await rawChromium(printed, perPhase, cores, { chromiumPath: engineName, singleProcess: true })
    ).rate;
    const rawFull = await rawChromium(printed, perPhase, cores, { chromiumPath: FULL_BROWSER });
    const rawOwnCodes = await rawChromium(printed, perPhase, cores, {
      chromiumPath: engineName,
      ownCodes: true,
    });
    const raw = rawRun.rate;

    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(processTreeRssBytes(worker.pid!)), 250);
    const loadBefore = load();

    // 1. Capacity: a burst from `cores` clients, as fast as the API answers.
    const burst = await measure(burstIds, async () => {
      const queue = [...burstIds];
      await Promise.all(
        Array.from({ length: cores }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) await decide(id);
        }),
      );
    });
    const loadAfterBurst = load();
    await sleep(1000);

    // 2. Latency at the target rate: one decision every 1000/20 ms, open loop.
    const pacedAt = (ids: string[], rate: number) =>
      measure(ids, async () => {
        const start = Date.now();
        const inFlight: Promise<void>[] = [];
        for (const [i, id] of ids.entries()) {
          const due = start + (i * 1000) / rate;
          if (due > Date.now()) await sleep(due - Date.now());
          inFlight.push(decide(id));
        }
        await Promise.all(inFlight);
      });
    const paced = await pacedAt(pacedIds, TARGET_RATE);
    const capacity = burstIds.length / burst.spanS;
    await sleep(1000);

    // 3. The same latency at half the capacity just measured: what a document waits when the
    // machine is not saturated — the pipeline's own latency, apart from its queue.
    const withinRate = Math.max(1, Math.floor(capacity / 2));
    const within = await pacedAt(withinIds, withinRate);
    clearInterval(sampler);
    const loadAfterPaced = load();

    const sizes: { bytes: number }[] = await db.query(
      'SELECT max(length(signed_pdf))::int AS bytes FROM signed_documents',
    );
    const achieved = (pacedIds.length - 1) / paced.publishingS;
    const p50 = percentile(paced.latencies, 50);
    const p99 = percentile(paced.latencies, 99);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const mb = (b: number) => Math.round(b / (1024 * 1024));
    const third = Math.max(1, Math.floor(rss.length / 3));
    const firstPeak = Math.max(...rss.slice(0, third));
    const lastPeak = Math.max(...rss.slice(-third));
    const cpuNote = (r: PhaseResult) =>
      `CPU per document: API ${r.cpuMs.api.toFixed(0)} ms, worker ${r.cpuMs.worker.toFixed(0)} ms, its Chromium ${r.cpuMs.chromium.toFixed(0)} ms, PostgreSQL ${r.cpuMs.postgres.toFixed(0)} ms`;
    const ratio = capacity / raw;
    return [
      {
        name: `raw Chromium page.pdf, the pipeline's ${PAGES}-page memo HTML, ${cores} warm tabs, no signing, no queue`,
        operations: perPhase,
        opsPerSecond: raw,
        p50Ms: 0,
        p99Ms: 0,
        target: 'baseline',
        met: true,
        notes: `${engineName} (the worker's engine), Chromium CPU per document ${rawRun.chromiumMs.toFixed(0)} ms; the same with --single-process: ${rawSingle.toFixed(1)}/s (${(rawSingle / raw).toFixed(2)} ×); Debian's full browser (${FULL_BROWSER}): ${rawFull.rate.toFixed(1)}/s, ${rawFull.chromiumMs.toFixed(0)} ms a document; each print with a verification code of its own, as the pipeline's documents: ${rawOwnCodes.rate.toFixed(1)}/s, Chromium ${rawOwnCodes.chromiumMs.toFixed(0)} ms a document (the pipeline's capacity is ${(capacity / rawOwnCodes.rate).toFixed(2)} × that); measured in this run on the warm-up memo's HTML, the API and worker idle`,
      },
      {
        name: `pipeline capacity: burst of ${burstIds.length} decisions → all published (${cores} deciders, ${cores} Chromium tabs)`,
        operations: burstIds.length,
        opsPerSecond: capacity,
        p50Ms: 0,
        p99Ms: 0,
        target: `≥ ${TARGET_RAW_RATIO} × raw Chromium (and ≥ ${TARGET_RATE}/s)`,
        met: ratio >= TARGET_RAW_RATIO && capacity >= TARGET_RATE,
        notes:
          `${ratio.toFixed(2)} × raw Chromium (${raw.toFixed(1)}/s); drain rate = ${burstIds.length} / (first decision sent → last publication row) = ${burst.spanS.toFixed(1)} s; ` +
          `in a burst latency is queue wait (p50 ${s(percentile(burst.latencies, 50))}, p99 ${s(percentile(burst.latencies, 99))}), not a target; ` +
          `${cpuNote(burst)}; load average ${loadBefore} before, ${loadAfterBurst} after`,
      },
      {
        name: `pipeline latency at ${TARGET_RATE} decisions/s, open loop (${pacedIds.length} memos): decision → published`,
        operations: pacedIds.length,
        opsPerSecond: achieved,
        p50Ms: p50,
        p99Ms: p99,
        target: `p50 ≤ ${TARGET_P50_MS} ms, p99 ≤ ${TARGET_P99_MS} ms, keeps up (≥ ${TARGET_RATE * 0.95}/s)`,
        met: p50 <= TARGET_P50_MS && p99 <= TARGET_P99_MS && achieved >= TARGET_RATE * 0.95,
        notes:
          `latency = decision answered → publication row; ops/s = publications per second while they came out; ` +
          `decision answered in p50 ${percentile(paced.decideMs, 50).toFixed(0)} ms, p99 ${percentile(paced.decideMs, 99).toFixed(0)} ms; ` +
          `${cpuNote(paced)}; largest signed PDF ${Math.round(sizes[0].bytes / 1024)} KB; load average after ${loadAfterPaced}`,
      },
      {
        name: `pipeline latency at ${withinRate} decisions/s (half the capacity above), open loop (${withinIds.length} memos)`,
        operations: withinIds.length,
        opsPerSecond: (withinIds.length - 1) / within.publishingS,
        p50Ms: percentile(within.latencies, 50),
        p99Ms: percentile(within.latencies, 99),
        target: `p50 ≤ ${TARGET_P50_MS} ms, p99 ≤ ${TARGET_P99_MS} ms (the issue's latency target, below saturation)`,
        met:
          percentile(within.latencies, 50) <= TARGET_P50_MS &&
          percentile(within.latencies, 99) <= TARGET_P99_MS,
        notes:
          `the 20/s row's latency is queue wait once the rate passes the capacity; this row is a document's own path: decision answered → relay → queue → render → sign → publication row; ` +
          `decision answered in p50 ${percentile(within.decideMs, 50).toFixed(0)} ms; ${cpuNote(within)}`,
      },
      {
        name: 'pipeline: worker + Chromium memory during the three runs (RSS)',
        operations: rss.length,
        opsPerSecond: 0,
        p50Ms: 0,
        p99Ms: 0,
        target: 'flat',
        met: lastPeak <= firstPeak * FLAT_TOLERANCE,
        notes: `peak first third ${mb(firstPeak)} MB, last third ${mb(lastPeak)} MB, overall ${mb(Math.max(...rss))} MB`,
      },
    ];
  } finally {
    client.close();
    await worker.stop();
    await api.stop();
    await db.destroy();
    await dropQueueKeys(prefix);
    await database.drop();
    removeBuild(out);
  }
}
