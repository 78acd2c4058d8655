import type { TemplateLibrary } from './template-library';

/** The renderer's own origin: the only one its pages may load anything from. */
export const ASSET_ORIGIN = 'https://assets.saraban.invalid';

/** Scripts, frames, forms and every other origin are refused by the page itself, too. */
export const DOCUMENT_CSP = [
  "default-src 'none'",
  `style-src ${ASSET_ORIGIN}`,
  `font-src ${ASSET_ORIGIN}`,
  `img-src ${ASSET_ORIGIN} data:`,
  "script-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface AssetResponse {
  status: number;
  contentType: string;
  body: Buffer | string;
  headers?: Record<string, string>;
}

const CACHE_FOREVER = { 'Cache-Control': 'public, max-age=31536000, immutable' };

/** The path under ASSET_ORIGIN for an organisation's template file (`_` = the defaults). */
export function templateAssetPath(orgCode: string | undefined, rel: string): string {
  return `/t/${orgCode ?? '_'}/${rel}`;
}

/**
 * Answers the pages' requests for the renderer's own files from memory and the templates
 * directory: the fonts, the stylesheet and assets of the organisation's template chain.
 * Anything else is not an asset (null), and the page refuses it.
 */
export class AssetServer {
  private readonly fontsCss: string;

  constructor(
    private readonly templates: TemplateLibrary,
    private readonly fonts: { regular: Buffer; bold: Buffer },
  ) {
    this.fontsCss = [fontFace(400, '/fonts/regular.ttf'), fontFace(700, '/fonts/bold.ttf')].join('\n');
  }

  async resolve(pathname: string): Promise<AssetResponse | null> {
    switch (pathname) {
      case '/fonts/fonts.css':
        return {
          status: 200,
          contentType: 'text/css; charset=utf-8',
          body: this.fontsCss,
          headers: CACHE_FOREVER,
        };
      case '/fonts/regular.ttf':
        return { status: 200, contentType: 'font/ttf', body: this.fonts.regular, headers: CACHE_FOREVER };
      case '/fonts/bold.ttf':
        return { status: 200, contentType: 'font/ttf', body: this.fonts.bold, headers: CACHE_FOREVER };
    }
    const m = /^\/t\/([^/]+)\/(memo\/styles\.css|assets\/([^/]+))$/.exec(pathname);
    if (!m) return null;
    const orgCode = m[1] === '_' ? undefined : m[1];
    try {
      if (m[2] === 'memo/styles.css') {
        const set = await this.templates.memo(orgCode);
        return { status: 200, contentType: 'text/css; charset=utf-8', body: set.stylesheet };
      }
      const file = await this.templates.asset(orgCode, m[3]);
      return file ? { status: 200, contentType: contentTypeOf(m[3]), body: file } : null;
    } catch {
      return null;
    }
  }
}

/**
 * The document font, always from the renderer's own copy (url()), never local(): a single-process
 * Chromium cannot look installed fonts up by name (it logs an error per document and falls
 * back to the url anyway), and the PDF must embed the configured file, whatever is installed.
 */
function fontFace(weight: number, url: string): string {
  return `@font-face { font-family: 'DocumentFont'; font-weight: ${weight}; font-style: normal; src: url('${url}') format('truetype'); }`;
}

function contentTypeOf(name: string): string {
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.png')) return 'image/png';
  if (name.endsWith('.jpg') || name.endsWith('.jpeg')) return 'image/jpeg';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'application/octet-stream';
}
