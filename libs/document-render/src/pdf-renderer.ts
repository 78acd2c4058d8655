import { promises as fs } from 'node:fs';
import { createPool } from 'generic-pool';
import type { Pool } from 'generic-pool';
import { AppException, ErrorCode } from '@saraban/errors';
import { ASSET_ORIGIN, AssetServer, templateAssetPath } from './asset-server';
import { BrowserHost } from './browser-host';
import type { MemoDocument } from './memo-document';
import { SECRECY_LABELS, attachmentLabel, buildMemoView } from './memo-view.util';
import { applyDigits } from '@saraban/thai-format';
import { continuationWords, countPages, pageFirstWords } from './continuation/page-first-words.util';
import { finishPdf, loadForFinishing, needsFinishing } from './finishing/pdf-finishing.util';
import { PrintedFont } from './finishing/printed-font';
import { resolvePdfRendererOptions } from './pdf-renderer-options';
import type { PdfRendererOptions, ResolvedPdfRendererOptions } from './pdf-renderer-options';
import { printBudget } from './print-budget';
import { RenderPage } from './render-page';
import { RendererWatchdog, type RendererHealth } from './renderer-watchdog';
import { TemplateLibrary } from './template-library';
import { FontMetrics } from './typesetting/font-metrics';
import { verificationQrDataUrl } from './verification-qr.util';
import { withTimeout } from './with-timeout.util';

export interface RenderOptions {
  /** Use the organisation's template overrides (templates/orgs/<orgCode>/memo/) where it has them. */
  orgCode?: string;
  /**
   * A heavy document (HEAVY_DOCUMENT) when the heavy lane is taken: wait for it (the default,
   * previews) or refuse at once with HeavyLaneBusyError (the worker, which lets the job wait in
   * the queue instead of holding a job slot).
   */
  whenHeavyLaneBusy?: 'wait' | 'refuse';
}

/** A heavy document arrived while the heavy lane was taken (render option whenHeavyLaneBusy: 'refuse'). */
export class HeavyLaneBusyError extends Error {
  constructor() {
    super('the renderer is printing another large document');
    this.name = 'HeavyLaneBusyError';
  }
}

export interface PdfRendererStats {
  renders: number;
  failures: number;
  /** Renders that lost their tab or browser and were printed again on a fresh one. */
  crashRetries: number;
  pagesOpened: number;
  /** Tabs given a fresh document after maxRendersPerPage renders (instead of a new tab). */
  pagesRenewed: number;
  browserLaunches: number;
  /** Browsers thrown away because they stopped answering (the watchdog's doing). */
  browserRestarts: number;
  /** Heavy documents printing now (HEAVY_DOCUMENT). */
  heavyPrinting: number;
}

/**
 * A tiny document that loads what every memo loads (the fonts, through the renderer's own
 * origin): the watchdog prints it to learn that a tab still prints, resources included — a
 * browser whose network service or zygote was killed still answers DevTools calls.
 */
const PROBE_HTML = `<!doctype html><html lang="th"><head><meta charset="utf-8"><link rel="stylesheet" href="${ASSET_ORIGIN}/fonts/fonts.css"><style>body{font-family:DocumentFont}</style></head><body><p>ตรวจสอบ probe</p></body></html>`;
/** Bounds on the watchdog's probe: the browser's answer, a free tab, the tiny print. */
const PROBE_ANSWER_MS = 3_000;
const PROBE_LAUNCH_MS = 30_000;
const PROBE_ACQUIRE_MS = 10_000;
const PROBE_PRINT_MS = 10_000;

/**
 * Prints memos to PDF with a pool of warm Chromium tabs (as many as cores by default).
 * A tab is replaced after a number of renders and after any failure; a dead browser is
 * launched again on the next render; a watchdog probes the browser and a tab, and replaces a
 * browser that stops answering, so no failure outlives its document. Each render's timeout
 * grows with the document (printBudget), and a document past PRINT_LIMITS is refused before
 * Chromium sees it. Create with `PdfRenderer.create()`, end with `close()`.
 */
export class PdfRenderer {
  private closed = false;
  private readonly inFlight = new Set<Promise<Buffer>>();
  private readonly counters = { renders: 0, failures: 0, crashRetries: 0, pagesOpened: 0, pagesRenewed: 0 };
  private lastPrintAt = 0;
  private readonly watchdog: RendererWatchdog;
  /** Heavy documents printing now, and those waiting for the lane (FIFO). */
  private heavyPrinting = 0;
  private readonly heavyWaiting: (() => void)[] = [];
  private readonly metrics: FontMetrics;

  private constructor(
    private readonly options: ResolvedPdfRendererOptions,
    private readonly templates: TemplateLibrary,
    private readonly fonts: { regular: Buffer; bold: Buffer },
    private readonly printedFonts: { regular: PrintedFont; bold: PrintedFont },
    private readonly host: BrowserHost,
    private readonly pool: Pool<RenderPage>,
  ) {
    this.metrics = new FontMetrics(fonts);
    this.watchdog = new RendererWatchdog(
      {
        printedWithin: (ms) => Date.now() - this.lastPrintAt < ms,
        probe: () => this.probe(),
        replaceBrowser: () => this.host.restart(),
      },
      options.watchdogIntervalMs,
      options.onWatchdog,
    );
  }

  /**
   * Checks the fonts and the default templates, launches Chromium and warms the pool, so a
   * misconfiguration stops the process at boot rather than failing the first document.
   */
  static async create(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const o = resolvePdfRendererOptions(options);
    const [regular, bold] = await Promise.all([fs.readFile(o.fonts.regular), fs.readFile(o.fonts.bold)]);
    const printedFonts = { regular: new PrintedFont(regular), bold: new PrintedFont(bold) };
    const templates = new TemplateLibrary(o.templatesDir);
    await templates.memo();
    const assets = new AssetServer(templates, { regular, bold });
    const host = new BrowserHost(o.chromiumPath, o.singleProcess);
    let renderer: PdfRenderer | undefined = undefined;
    const pool = createPool<RenderPage>(
      {
        create: async () => {
          const page = await RenderPage.open(await host.get(), assets, o.onBlockedRequest);
          if (renderer) renderer.counters.pagesOpened += 1;
          return page;
        },
        destroy: (page) => page.close(),
        validate: (page) => Promise.resolve(page.usable()),
      },
      {
        max: o.poolSize,
        min: o.poolSize,
        testOnBorrow: true,
        acquireTimeoutMillis: o.acquireTimeoutMs,
        autostart: false,
      },
    );
    renderer = new PdfRenderer(o, templates, { regular, bold }, printedFonts, host, pool);
    try {
      await host.get();
      // Warm: open every tab now, so the first documents do not pay for it.
      const pages = await Promise.all(Array.from({ length: o.poolSize }, () => pool.acquire()));
      await Promise.all(pages.map((p) => pool.release(p)));
    } catch (err) {
      await renderer.close();
      throw err;
    }
    renderer.watchdog.start();
    return renderer;
  }

  /** The PDF of the memo in the official layout, with uploaded attachments appended. */
  async render(doc: MemoDocument, options: RenderOptions = {}): Promise<Buffer> {
    if (this.closed) throw new AppException(ErrorCode.DocumentRenderFailed, { reason: 'renderer closed' });
    // Counted from the call, so close() waits for it even before it has a tab.
    const work = this.renderNow(doc, options);
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** The memo's HTML in the official layout, as the tabs print it (its assets on the renderer's origin). */
  async html(doc: MemoDocument, options: RenderOptions = {}): Promise<string> {
    const { orgCode } = options;
    const compiled = await this.templates.memo(orgCode);
    const qrSrc = doc.verification ? await verificationQrDataUrl(doc.verification.url) : null;
    const view = buildMemoView(doc, {
      fontsHref: `${ASSET_ORIGIN}/fonts/fonts.css`,
      stylesheetHref: ASSET_ORIGIN + templateAssetPath(orgCode, 'memo/styles.css'),
      emblemPlaceholderHref: ASSET_ORIGIN + templateAssetPath(orgCode, 'assets/emblem-placeholder.svg'),
      qrSrc,
      metrics: this.metrics,
    });
    return compiled.render(view);
  }

  /**
   * Chromium's page.pdf of ready HTML on a warm tab and nothing else (no templates, no
   * finishing): the baseline `npm run bench` compares the pipeline with.
   */
  printHtml(html: string): Promise<Uint8Array> {
    return this.print(html, this.options.renderTimeoutMs, this.options.taggedPdf);
  }

  private async renderNow(doc: MemoDocument, options: RenderOptions): Promise<Buffer> {
    const budget = printBudget(doc, this.options.renderTimeoutMs);
    if (!budget.heavy) return this.renderWithin(doc, options, budget.timeoutMs, this.options.taggedPdf);
    await this.enterHeavyLane(options.whenHeavyLaneBusy ?? 'wait');
    try {
      // Untagged: for a large table the structure tree costs more than the layout itself and
      // multiplies the file (measured, 30 × 500 cells: 10 s and 0.2 MB untagged, 23 s and 3.8 MB
      // tagged); the text layer is still there in reading order.
      return await this.renderWithin(doc, options, budget.timeoutMs, false);
    } finally {
      this.leaveHeavyLane();
    }
  }

  /** Heavy documents may use all tabs but one (one tab with a pool of one). */
  private heavyLaneWidth(): number {
    return Math.max(1, this.options.poolSize - 1);
  }

  private async enterHeavyLane(whenBusy: 'wait' | 'refuse'): Promise<void> {
    if (this.heavyPrinting < this.heavyLaneWidth()) {
      this.heavyPrinting += 1;
      return;
    }
    if (whenBusy === 'refuse') throw new HeavyLaneBusyError();
    // The leaver hands its place over directly, so a newcomer cannot overtake the queue.
    await new Promise<void>((resolve) => this.heavyWaiting.push(resolve));
  }

  private leaveHeavyLane(): void {
    const next = this.heavyWaiting.shift();
    if (next) next();
    else this.heavyPrinting -= 1;
  }

  private async renderWithin(
    doc: MemoDocument,
    options: RenderOptions,
    timeoutMs: number,
    tagged: boolean,
  ): Promise<Buffer> {
    const html = await this.html(doc, options);
    const printed = await this.print(html, timeoutMs, tagged);
    const finishing = {
      secrecyLabel: SECRECY_LABELS[doc.secrecy],
      title: doc.subject,
      author: doc.organisation.name,
      attachments: doc.pdfAttachments,
      attachmentLabels: doc.pdfAttachments.map((_, i) =>
        attachmentLabel(doc.reportTables.length + i + 1, doc.organisation.digits),
      ),
      pageNumber: (n: number) => `-${applyDigits(String(n), doc.organisation.digits)}-`,
      boldFont: this.fonts.bold,
      regularFont: this.fonts.regular,
      printedFonts: this.printedFonts,
      continuation: new Map<number, string>(),
    };
    // The continuation words: pagination is known once Chromium has printed, so the printed
    // PDF is read (its pages' first words) and the words are drawn at the feet of the pages
    // in the finishing pass — one print, one parse of the PDF.
    const paged = (doc.layout?.continuationWord ?? true) && countPages(printed) > 1;
    let pdf: Buffer;
    if (paged || needsFinishing(finishing)) {
      const loaded = await loadForFinishing(printed);
      if (paged) finishing.continuation = continuationWords(pageFirstWords(loaded));
      pdf = await finishPdf(loaded, finishing);
    } else {
      pdf = Buffer.from(printed);
    }
    this.counters.renders += 1;
    return pdf;
  }

  /** The Chromium process id (for operations and fault-injection tests). */
  chromiumPid(): number | undefined {
    return this.host.pid();
  }

  stats(): PdfRendererStats {
    return {
      ...this.counters,
      browserLaunches: this.host.launches,
      browserRestarts: this.host.restarts,
      heavyPrinting: this.heavyPrinting,
    };
  }

  /** Whether the renderer prints (what readiness reports), as the watchdog last saw it. */
  health(): RendererHealth {
    return this.watchdog.health();
  }

  /** Probes the renderer now (operations, tests); answers its health afterwards. */
  async checkHealth(): Promise<RendererHealth> {
    await this.watchdog.checkNow();
    return this.watchdog.health();
  }

  /**
   * The watchdog's probe: a browser (launched if need be) that answers, and — unless every tab
   * is busy printing, guarded by its own timeout — a tab that prints a tiny document.
   */
  private async probe(): Promise<void> {
    if (this.closed) return;
    await withTimeout(this.host.get(), PROBE_LAUNCH_MS, 'launching the browser');
    if (!(await this.host.answers(PROBE_ANSWER_MS))) throw new Error('the browser does not answer');
    // Every tab busy printing (each guarded by its own timeout, whose failure calls the probe
    // again): the browser answered, which is all that can be asked now.
    if (this.pool.borrowed >= this.pool.max) return;
    // A tab should be free or made at once; a pool that cannot make one (a browser that lost
    // its zygote) fails the probe.
    const page = await acquireWithin(this.pool, PROBE_ACQUIRE_MS);
    let keep = false;
    try {
      await withTimeout(
        page.print(PROBE_HTML, { timeoutMs: PROBE_PRINT_MS, tagged: false }),
        PROBE_PRINT_MS,
        'the probe print',
      );
      keep = page.usable();
    } finally {
      if (keep) await this.pool.release(page);
      else await this.pool.destroy(page);
    }
  }

  /** Lets renders in flight finish, then closes every tab and the browser. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.watchdog.stop();
      await Promise.allSettled([...this.inFlight]);
      await this.pool.drain();
      await this.pool.clear();
    } finally {
      await this.host.close();
    }
  }

  private async print(html: string, timeoutMs: number, tagged: boolean): Promise<Uint8Array> {
    // One retry, only when the tab was lost under the render (a Chromium crash or kill, a tab
    // that navigated away): the document itself may be fine, and a fresh tab prints it.
    for (let attempt = 1; ; attempt += 1) {
      let page: RenderPage;
      try {
        page = await this.pool.acquire();
      } catch (err) {
        this.counters.failures += 1;
        throw renderFailed(err);
      }
      let keep = false;
      try {
        const pdf = await withTimeout(page.print(html, { timeoutMs, tagged }), timeoutMs, 'render');
        keep = page.usable();
        this.lastPrintAt = Date.now();
        this.watchdog.succeeded();
        return pdf;
      } catch (err) {
        // Whatever went wrong, the browser may be the cause: the watchdog looks at once, and
        // replaces it if it does not answer (a timed-out print can leave it busy or hung).
        void this.watchdog.checkNow();
        if (attempt === 1 && page.lost()) {
          this.counters.crashRetries += 1;
          continue;
        }
        this.counters.failures += 1;
        throw renderFailed(err);
      } finally {
        // A worn tab gets a fresh document rather than being closed: Chromium runs in one
        // process (see CHROMIUM_ARGS), where closing a tab takes the browser down with it.
        if (keep && page.uses >= this.options.maxRendersPerPage) {
          keep = await page.renew();
          if (keep) this.counters.pagesRenewed += 1;
        }
        if (keep) await this.pool.release(page);
        else await this.pool.destroy(page);
      }
    }
  }
}

/** The Thai message for people, the real cause (Chromium's message, its stack) for the logs. */
function renderFailed(err: unknown): AppException {
  const failure = new AppException(ErrorCode.DocumentRenderFailed, {
    reason: err instanceof Error ? err.message : String(err),
  });
  return Object.assign(failure, { cause: err });
}

/**
 * A tab within `ms`, or an error; a tab that arrives after the deadline goes back to the pool
 * (generic-pool cannot cancel an acquire).
 */
async function acquireWithin(pool: Pool<RenderPage>, ms: number): Promise<RenderPage> {
  const acquiring = pool.acquire();
  try {
    return await withTimeout(acquiring, ms, 'waiting for a tab');
  } catch (err) {
    acquiring.then((late) => pool.release(late)).catch(() => undefined);
    throw err;
  }
}
