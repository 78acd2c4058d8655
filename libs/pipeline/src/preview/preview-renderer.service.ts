import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';

/**
 * The API's own small Chromium pool for previews, started on the first preview (most API
 * processes never print) and closed with the application.
 */
@Injectable()
export class PreviewRendererService implements OnApplicationShutdown {
  private renderer?: Promise<PdfRenderer>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): Promise<PdfRenderer> {
    this.renderer ??= PdfRenderer.create({
      chromiumPath: this.config.CHROMIUM_PATH,
      poolSize: 1,
      taggedPdf: this.config.PDF_TAGGED,
    }).catch((error: unknown) => {
      this.renderer = undefined;
      throw error;
    });
    return this.renderer;
  }

  async onApplicationShutdown(): Promise<void> {
    const renderer = await this.renderer?.catch(() => undefined);
    await renderer?.close();
  }
}
