/**
 * Documents: render (Chromium pool) + PAdES sign of a 2-page memo with three endorsements
 * (modelled on seeds 000/002), concurrency = cores, as the worker runs it.
 *   1. 200 documents: signed PDFs per second, p50 and p99 latency of render + sign.
 *      Target (issue 4, on 2 cores): ≥ 20 signed PDFs/s, p50 ≤ 500 ms, p99 ≤ 2 s.
 *   2. 2,000 renders: memory of this process (RSS) and of Chromium (PSS of all its processes),
 *      sampled 20 times; reported at the start, the middle and the end, with the peaks;
 *      target: flat (the peak of the second half no more than 15 % above the first half's).
 */
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { PdfRenderer } from '@saraban/document-render';
import { createSelfSignedP12, loadSigningIdentity, signPdf, verifySignedPdf } from '@saraban/signing';
import type { SigningIdentity } from '@saraban/signing';
import { seedMemo } from '../test/document/memo-fixtures';
import { isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { percentile } from './lib/percentile.util';

const TARGET_OPS = 20;
const TARGET_P50_MS = 500;
const TARGET_P99_MS = 2000;
const FLAT_TOLERANCE = 1.15;

const MB = 1024 * 1024;

interface ProcessInfo {
  parent: number;
  /** Proportional set size (shared pages split between their users), bytes; RSS if unreadable. */
  pss: number;
  /** CPU time, user + system, ms. */
  cpuMs: number;
}

function processTable(): Map<number, ProcessInfo> {
  const table = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so split after the last ')'.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Its own time and its ended children's (Chromium's short-lived helper processes).
      const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      let pss = Number(f[21]) * 4096;
      try {
        const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'));
        if (m) pss = Number(m[1]) * 1024;
      } catch {
        // No smaps_rollup (older kernel): RSS it is.
      }
      table.set(Number(entry), { parent: Number(f[1]), pss, cpuMs: (ticks * 1000) / 100 });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Memory (PSS) and CPU of a process and all its descendants: Chromium is a browser, a zygote, renderers. */
function processTree(rootPid: number | undefined): { pss: number; cpuMs: number } {
  const sum = { pss: 0, cpuMs: 0 };
  if (rootPid === undefined) return sum;
  const table = processTable();
  for (const [pid, info] of table) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = table.get(p)?.parent) {
      if (p === rootPid) {
        sum.pss += info.pss;
        sum.cpuMs += info.cpuMs;
        break;
      }
    }
  }
  return sum;
}

interface Sample {
  done: number;
  nodeRss: number;
  chromiumPss: number;
}

async function runConcurrently(
  total: number,
  concurrency: number,
  task: () => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started++;
        const s = performance.now();
        await task();
        latencies.push(performance.now() - s);
        onProgress?.(latencies.length);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

export async function run(): Promise<BenchRow[]> {
  const quick = isQuickRun();
  const cores = os.availableParallelism();
  const documents = quick ? 20 : 200;
  const renders = quick ? 100 : 2000;
  const doc = seedMemo();
  const identity: SigningIdentity = loadSigningIdentity(
    createSelfSignedP12({
      commonName: doc.organisation.name,
      organisation: doc.organisation.name,
      password: 'bench',
    }),
    'bench',
  );
  const renderer = await PdfRenderer.create({ poolSize: cores });
  try {
    // Sanity: the document is the one the target is about, and it verifies.
    const sample = await signPdf(await renderer.render(doc), identity);
    const pages = (await PDFDocument.load(sample.pdf)).getPageCount();
    if (!verifySignedPdf(sample.pdf).valid) throw new Error('the signed sample does not verify');

    // Warm-up (JIT, fonts, every tab used once), not measured.
    await runConcurrently(cores * 3, cores, async () => {
      await signPdf(await renderer.render(doc), identity);
    });

    const nodeCpu0 = process.cpuUsage();
    const chromiumCpu0 = processTree(renderer.chromiumPid()).cpuMs;
    const signed = await runConcurrently(documents, cores, async () => {
      await signPdf(await renderer.render(doc), identity);
    });
    const nodeCpu = process.cpuUsage(nodeCpu0);
    const nodeCpuPerDoc = (nodeCpu.user + nodeCpu.system) / 1000 / documents;
    const chromiumCpuPerDoc = (processTree(renderer.chromiumPid()).cpuMs - chromiumCpu0) / documents;
    const capacity = (cores * 1000) / (nodeCpuPerDoc + chromiumCpuPerDoc);
    const opsPerSecond = signed.latencies.length / signed.seconds;
    const p50Ms = percentile(signed.latencies, 50);
    const p99Ms = percentile(signed.latencies, 99);

    // A sample every 1/20 of the run: tabs are replaced every few hundred renders, so Chromium's
    // memory is a sawtooth; "flat" compares the peaks of the two halves, not two points.
    const every = Math.max(1, Math.floor(renders / 20));
    const samples: Sample[] = [];
    const takeSample = (done: number): void => {
      samples.push({
        done,
        nodeRss: process.memoryUsage.rss(),
        chromiumPss: processTree(renderer.chromiumPid()).pss,
      });
    };
    takeSample(0);
    const memoryRun = await runConcurrently(
      renders,
      cores,
      async () => {
        await renderer.render(doc);
      },
      (done) => {
        if (done % every === 0) takeSample(done);
      },
    );
    const start = samples[0];
    const middle = samples.reduce((a, b) =>
      Math.abs(b.done - renders / 2) < Math.abs(a.done - renders / 2) ? b : a,
    );
    const end = samples[samples.length - 1];
    const firstHalf = samples.filter((x) => x.done > 0 && x.done <= renders / 2);
    const secondHalf = samples.filter((x) => x.done > renders / 2);
    const peak = (xs: Sample[], key: 'nodeRss' | 'chromiumPss'): number => Math.max(...xs.map((x) => x[key]));
    const peakNode = process.resourceUsage().maxRSS * 1024;
    const flat =
      peak(secondHalf, 'nodeRss') <= peak(firstHalf, 'nodeRss') * FLAT_TOLERANCE &&
      peak(secondHalf, 'chromiumPss') <= peak(firstHalf, 'chromiumPss') * FLAT_TOLERANCE;
    const mb = (b: number): string => `${(b / MB).toFixed(0)} MB`;
    const memoryLatencies = memoryRun.latencies;

    return [
      {
        name: `render+sign memo (${pages} pages, 3 endorsements), ${cores} at once`,
        operations: signed.latencies.length,
        opsPerSecond,
        p50Ms,
        p99Ms,
        target: `≥ ${TARGET_OPS}/s, p50 ≤ ${TARGET_P50_MS} ms, p99 ≤ ${TARGET_P99_MS} ms`,
        met: opsPerSecond >= TARGET_OPS && p50Ms <= TARGET_P50_MS && p99Ms <= TARGET_P99_MS,
        notes: `CPU per signed PDF: worker ${nodeCpuPerDoc.toFixed(0)} ms + Chromium ${chromiumCpuPerDoc.toFixed(0)} ms, so ${cores} idle cores could sign ≈ ${capacity.toFixed(0)}/s; pool ${cores} Chromium tabs; signed PDF ${(sample.pdf.length / 1024).toFixed(0)} KB, verifies; load average at end ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      },
      {
        name: `render ×${renders}: memory (worker RSS, Chromium PSS)`,
        operations: memoryLatencies.length,
        opsPerSecond: memoryLatencies.length / memoryRun.seconds,
        p50Ms: percentile(memoryLatencies, 50),
        p99Ms: percentile(memoryLatencies, 99),
        target: `flat: peak of 2nd half ≤ peak of 1st half × ${FLAT_TOLERANCE}`,
        met: flat,
        notes:
          `worker RSS start/middle/end ${mb(start.nodeRss)} / ${mb(middle.nodeRss)} / ${mb(end.nodeRss)}, peak ${mb(peakNode)}; ` +
          `Chromium PSS (all its processes) ${mb(start.chromiumPss)} / ${mb(middle.chromiumPss)} / ${mb(end.chromiumPss)}, ` +
          `peak 1st half ${mb(peak(firstHalf, 'chromiumPss'))}, 2nd half ${mb(peak(secondHalf, 'chromiumPss'))}; ` +
          `tabs opened ${renderer.stats().pagesOpened}, browser launches ${renderer.stats().browserLaunches}`,
      },
    ];
  } finally {
    await renderer.close();
  }
}
