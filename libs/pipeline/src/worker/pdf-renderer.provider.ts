import os from 'node:os';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';

/** One warm Chromium pool per worker process, as wide as the cores (render jobs beyond it queue for a page). */
export const pdfRendererProvider: Provider = {
  provide: PdfRenderer,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    PdfRenderer.create({
      chromiumPath: config.CHROMIUM_PATH,
      poolSize: config.RENDER_POOL_SIZE ?? os.availableParallelism(),
    }),
};
