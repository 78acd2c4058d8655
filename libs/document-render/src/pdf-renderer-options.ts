import os from 'node:os';
import path from 'node:path';

/** Laksaman (Debian fonts-tlwg-laksaman): a metric clone of TH Sarabun New, so 16 pt is 16 pt. */
export const DEFAULT_DOCUMENT_FONTS = {
  regular: '/usr/share/fonts/truetype/tlwg/Laksaman.ttf',
  bold: '/usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf',
} as const;

export interface PdfRendererOptions {
  /** Chromium to drive; CHROMIUM_PATH in the configuration. Default /usr/bin/chromium. */
  chromiumPath?: string;
  /** Warm pages kept open, so as many renders run at once. Default: the number of cores. */
  poolSize?: number;
  /** A render that takes longer fails (and its page is thrown away). Default 30 s. */
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
  /** Told about every request the renderer refused (tests, logs). */
  onBlockedRequest?: (url: string) => void;
}

export type ResolvedPdfRendererOptions = Required<Omit<PdfRendererOptions, 'onBlockedRequest'>> &
  Pick<PdfRendererOptions, 'onBlockedRequest'>;

export function resolvePdfRendererOptions(o: PdfRendererOptions): ResolvedPdfRendererOptions {
  const poolSize = o.poolSize ?? os.availableParallelism();
  const renderTimeoutMs = o.renderTimeoutMs ?? 30_000;
  const maxRendersPerPage = o.maxRendersPerPage ?? 200;
  const acquireTimeoutMs = o.acquireTimeoutMs ?? 60_000;
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new RangeError(`poolSize must be ≥ 1, got ${poolSize}`);
  if (!(renderTimeoutMs > 0)) throw new RangeError(`renderTimeoutMs must be > 0, got ${renderTimeoutMs}`);
  if (!(acquireTimeoutMs > 0)) throw new RangeError(`acquireTimeoutMs must be > 0, got ${acquireTimeoutMs}`);
  if (!Number.isInteger(maxRendersPerPage) || maxRendersPerPage < 1) {
    throw new RangeError(`maxRendersPerPage must be ≥ 1, got ${maxRendersPerPage}`);
  }
  return {
    chromiumPath: o.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    poolSize,
    renderTimeoutMs,
    acquireTimeoutMs,
    maxRendersPerPage,
    taggedPdf: o.taggedPdf ?? true,
    templatesDir: path.resolve(o.templatesDir ?? path.join(process.cwd(), 'templates')),
    fonts: o.fonts ?? DEFAULT_DOCUMENT_FONTS,
    onBlockedRequest: o.onBlockedRequest,
  };
}
