import os from 'node:os';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';

/** One warm Chromium pool per worker process, as wide as its job concurrency; closed by the module. */
export const pdfRendererProvider: Provider = {
  provide: PdfRenderer,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    PdfRenderer.create({
      chromiumPath: config.CHROMIUM_PATH,
      poolSize: config.WORKER_CONCURRENCY ?? os.availableParallelism(),
    }),
};
