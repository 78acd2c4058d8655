import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { ReadinessChecks } from '@saraban/health';

/**
 * The API's own small Chromium pool for previews, started on the first preview (most API
 * processes never print) and closed with the application.
 */
@Injectable()
export class PreviewRendererService implements OnApplicationShutdown {
  private renderer?: Promise<PdfRenderer>;
  private started?: PdfRenderer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readiness: ReadinessChecks,
  ) {
    // Not started: nothing to report. Started: ready only while it prints (it heals itself).
    readiness.register('previewRenderer', () =>
      this.started ? { up: this.started.health().up, details: { ...this.started.health() } } : { up: true },
    );
  }

  get(): Promise<PdfRenderer> {
    this.renderer ??= PdfRenderer.create({
      chromiumPath: this.config.CHROMIUM_PATH,
      poolSize: 1,
      taggedPdf: this.config.PDF_TAGGED,
      renderTimeoutMs: this.config.RENDER_TIMEOUT_MS,
      watchdogIntervalMs: this.config.RENDER_WATCHDOG_MS,
      onWatchdog: (msg) => new Logger('PreviewRenderer').warn(msg),
    }).then(
      (renderer) => (this.started = renderer),
      (error: unknown) => {
        this.renderer = undefined;
        throw error;
      },
    );
    return this.renderer;
  }

  async onApplicationShutdown(): Promise<void> {
    const renderer = await this.renderer?.catch(() => undefined);
    await renderer?.close();
  }
}
