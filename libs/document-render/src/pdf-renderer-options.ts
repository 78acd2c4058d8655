import os from 'node:os';
import path from 'node:path';

/** Laksaman (Debian fonts-tlwg-laksaman): a metric clone of TH Sarabun New, so 16 pt is 16 pt. */
export const DEFAULT_DOCUMENT_FONTS = {
  regular: '/usr/share/fonts/truetype/tlwg/Laksaman.ttf',
  bold: '/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf',
} as const;

/**
 * Debian's `chromium-headless-shell`: the same Chromium release as the `chromium` package, built
 * as the headless shell that Puppeteer itself prefers for automation. It prints the same PDF
 * (checked pixel for pixel, page by page, against the full browser on the bench memo) for about
 * a third of the CPU: 70 against 220 ms a 3-page memo on 2026-12-01. The full browser started
 * new helper processes while it printed (21 processes seen over ten PDFs, against the shell's
 * steady 8). `npm run bench` prints both in the raw Chromium row. The full browser
 * (`/usr/bin/chromium`) still works here: set CHROMIUM_PATH.
 */
// The binary itself, not Debian's /usr/bin wrapper script, which runs it as a child instead of
// exec'ing it: the process Puppeteer launches must be the browser, so that killing it (a browser
// thrown away, the tests' faults) kills the browser.
export const DEFAULT_CHROMIUM_PATH = '/usr/lib/chromium/chromium-headless-shell';

export interface PdfRendererOptions {
  /**
   * Chromium to drive; CHROMIUM_PATH in the configuration. Default DEFAULT_CHROMIUM_PATH,
   * Debian's chromium-headless-shell.
   */
  chromiumPath?: string;
  /** Warm pages kept open, so as many renders run at once. Default: the number of cores. */
  poolSize?: number;
  /**
   * A render of an ordinary memo that takes longer fails (and its page is thrown away); larger
   * documents get more (printBudget). Default 30 s.
   */
  renderTimeoutMs?: number;
  /** How long a render may wait for a free tab before failing. Default 60 s. */
  acquireTimeoutMs?: number;
  /** A page is closed and replaced after this many renders. Default 200. */
  maxRendersPerPage?: number;
  /** The templates root: memo/, assets/ and orgs/<orgCode>/… Default ./templates. */
  templatesDir?: string;
  /** TrueType files of the document font; embedded in every PDF. Default Laksaman. */
  fonts?: { regular: string; bold: string };
  /**
   * A tagged PDF: the document's structure (headings, paragraphs, tables) for screen readers and
   * reflow, which public documents owe the citizens who use them. Chromium builds it from the
   * accessibility tree, about a sixth of its time per memo; without it the text layer is still
   * there in reading order (what pdftotext and a plain screen reader read). Default true
   * (PDF_TAGGED=false in the worker's settings trades it for throughput).
   */
  taggedPdf?: boolean;
  /**
   * Chromium in one process (`--single-process`, unsupported by Chromium): cheaper per PDF, but
   * a stuck tab stalls every other. Default false (see SINGLE_PROCESS_ARG).
   */
  singleProcess?: boolean;
  /** How often the watchdog probes a renderer that printed nothing meanwhile. Default 5 s. */
  watchdogIntervalMs?: number;
  /** Told about every request the renderer refused (tests, logs). */
  onBlockedRequest?: (url: string) => void;
  /** Told when the watchdog replaces a browser that stopped answering (logs). */
  onWatchdog?: (message: string) => void;
}

export type ResolvedPdfRendererOptions = Required<
  Omit<PdfRendererOptions, 'onBlockedRequest' | 'onWatchdog'>
> &
  Pick<PdfRendererOptions, 'onBlockedRequest' | 'onWatchdog'>;

export function resolvePdfRendererOptions(o: PdfRendererOptions): ResolvedPdfRendererOptions {
  const poolSize = o.poolSize ?? os.availableParallelism();
  const renderTimeoutMs = o.renderTimeoutMs ?? 30_000;
  const maxRendersPerPage = o.maxRendersPerPage ?? 200;
  const acquireTimeoutMs = o.acquireTimeoutMs ?? 60_000;
  const watchdogIntervalMs = o.watchdogIntervalMs ?? 5_000;
  if (!(watchdogIntervalMs > 0))
    throw new RangeError(`watchdogIntervalMs must be > 0, got ${watchdogIntervalMs}`);
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new RangeError(`poolSize must be ≥ 1, got ${poolSize}`);
  if (!(renderTimeoutMs > 0)) throw new RangeError(`renderTimeoutMs must be > 0, got ${renderTimeoutMs}`);
  if (!(acquireTimeoutMs > 0)) throw new RangeError(`acquireTimeoutMs must be > 0, got ${acquireTimeoutMs}`);
  if (!Number.isInteger(maxRendersPerPage) || maxRendersPerPage < 1) {
    throw new RangeError(`maxRendersPerPage must be ≥ 1, got ${maxRendersPerPage}`);
  }
  return {
    chromiumPath: o.chromiumPath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
    poolSize,
    renderTimeoutMs,
    acquireTimeoutMs,
    maxRendersPerPage,
    taggedPdf: o.taggedPdf ?? true,
    singleProcess: o.singleProcess ?? false,
    watchdogIntervalMs,
    templatesDir: path.resolve(o.templatesDir ?? path.join(process.cwd(), 'templates')),
    fonts: o.fonts ?? DEFAULT_DOCUMENT_FONTS,
    onBlockedRequest: o.onBlockedRequest,
    onWatchdog: o.onWatchdog,
  };
}
