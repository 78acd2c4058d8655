import { Logger, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { renderPoolSize } from './pipeline-concurrency.util';

/** One warm Chromium pool per worker process, as wide as the cores (jobs beyond it queue for a tab). */
export const pdfRendererProvider: Provider = {
  provide: PdfRenderer,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    PdfRenderer.create({
      chromiumPath: config.CHROMIUM_PATH,
      poolSize: renderPoolSize(config),
      taggedPdf: config.PDF_TAGGED,
      renderTimeoutMs: config.RENDER_TIMEOUT_MS,
      watchdogIntervalMs: config.RENDER_WATCHDOG_MS,
      onWatchdog: (msg) => new Logger('Renderer').warn(msg),
    }),
};
