import { promises as fs } from 'node:fs';
import { createPool } from 'generic-pool';
import type { Pool } from 'generic-pool';
import { AppException, ErrorCode } from '@saraban/errors';
import { ASSET_ORIGIN, AssetServer, templateAssetPath } from './asset-server';
import { BrowserHost } from './browser-host';
import type { MemoDocument } from './memo-document';
import { SECRECY_LABELS, buildMemoView } from './memo-view.util';
import { finishPdf, needsFinishing } from './pdf-finishing.util';
import { resolvePdfRendererOptions } from './pdf-renderer-options';
import type { PdfRendererOptions, ResolvedPdfRendererOptions } from './pdf-renderer-options';
import { RenderPage } from './render-page';
import { TemplateLibrary } from './template-library';
import { verificationQrDataUrl } from './verification-qr.util';
import { withTimeout } from './with-timeout.util';

export interface RenderOptions {
  /** Use the organisation's template overrides (templates/orgs/<orgCode>/memo/) where it has them. */
  orgCode?: string;
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
}

/**
 * Prints memos to PDF with a pool of warm Chromium tabs (as many as cores by default).
 * A tab is replaced after a number of renders and after any failure; a dead browser is
 * launched again on the next render. Create with `PdfRenderer.create()`, end with `close()`.
 */
export class PdfRenderer {
  private closed = false;
  private readonly inFlight = new Set<Promise<Buffer>>();
  private readonly counters = { renders: 0, failures: 0, crashRetries: 0, pagesOpened: 0, pagesRenewed: 0 };

  private constructor(
    private readonly options: ResolvedPdfRendererOptions,
    private readonly templates: TemplateLibrary,
    private readonly fonts: { regular: Buffer; bold: Buffer },
    private readonly host: BrowserHost,
    private readonly pool: Pool<RenderPage>,
  ) {}

  /**
   * Checks the fonts and the default templates, launches Chromium and warms the pool, so a
   * misconfiguration stops the process at boot rather than failing the first document.
   */
  static async create(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const o = resolvePdfRendererOptions(options);
    const [regular, bold] = await Promise.all([fs.readFile(o.fonts.regular), fs.readFile(o.fonts.bold)]);
    const templates = new TemplateLibrary(o.templatesDir);
    await templates.memo();
    const assets = new AssetServer(templates, { regular, bold });
    const host = new BrowserHost(o.chromiumPath);
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
    renderer = new PdfRenderer(o, templates, { regular, bold }, host, pool);
    try {
      await host.get();
      // Warm: open every tab now, so the first documents do not pay for it.
      const pages = await Promise.all(Array.from({ length: o.poolSize }, () => pool.acquire()));
      await Promise.all(pages.map((p) => pool.release(p)));
    } catch (err) {
      await renderer.close();
      throw err;
    }
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

  private async renderNow(doc: MemoDocument, options: RenderOptions): Promise<Buffer> {
    const { orgCode } = options;
    const compiled = await this.templates.memo(orgCode);
    const qrSrc = doc.verification ? await verificationQrDataUrl(doc.verification.url) : null;
    const view = buildMemoView(doc, {
      fontsHref: `${ASSET_ORIGIN}/fonts/fonts.css`,
      stylesheetHref: ASSET_ORIGIN + templateAssetPath(orgCode, 'memo/styles.css'),
      emblemPlaceholderHref: ASSET_ORIGIN + templateAssetPath(orgCode, 'assets/emblem-placeholder.svg'),
      qrSrc,
    });
    const html = compiled.render(view);
    const printed = await this.print(html);
    const finishing = {
      secrecyLabel: SECRECY_LABELS[doc.secrecy],
      title: doc.subject,
      author: doc.organisation.name,
      attachments: doc.pdfAttachments,
      boldFont: this.fonts.bold,
    };
    const pdf = needsFinishing(finishing) ? await finishPdf(printed, finishing) : Buffer.from(printed);
    this.counters.renders += 1;
    return pdf;
  }

  /** The Chromium process id (for operations and fault-injection tests). */
  chromiumPid(): number | undefined {
    return this.host.pid();
  }

  stats(): PdfRendererStats {
    return { ...this.counters, browserLaunches: this.host.launches };
  }

  /** Lets renders in flight finish, then closes every tab and the browser. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await Promise.allSettled([...this.inFlight]);
      await this.pool.drain();
      await this.pool.clear();
    } finally {
      await this.host.close();
    }
  }

  private async print(html: string): Promise<Uint8Array> {
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
        const pdf = await withTimeout(
          page.print(html, { timeoutMs: this.options.renderTimeoutMs, tagged: this.options.taggedPdf }),
          this.options.renderTimeoutMs,
          'render',
        );
        keep = page.usable();
        return pdf;
      } catch (err) {
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

function renderFailed(err: unknown): AppException {
  return new AppException(ErrorCode.DocumentRenderFailed, {
    reason: err instanceof Error ? err.message : String(err),
  });
}
