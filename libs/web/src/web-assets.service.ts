import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { projectRoot, webTemplatesDir } from './web-paths.util';

export interface WebAsset {
  bytes: Buffer;
  type: string;
}

/** The fonts the stylesheet names: Sarabun, Thai and Latin subsets, regular and bold. */
const FONT_FILE = /^sarabun-(thai|latin)-(400|700)-normal\.woff2?$/;

/**
 * The stylesheet's @font-face rules, one a subset and weight, as @fontsource/sarabun writes them
 * (its 400.css and 700.css: the Thai and Latin subsets, with their unicode ranges), pointed at
 * the files this service serves; written ahead of app.css (the browser downloads only the
 * files whose characters a page uses).
 */
function fontFaces(): string {
  const dir = path.join(projectRoot(), 'node_modules', '@fontsource', 'sarabun');
  return [400, 700]
    .flatMap((weight) => [
      ...readFileSync(path.join(dir, `${weight}.css`), 'utf8').matchAll(
        /\/\* sarabun-(?:thai|latin)-\d+-normal \*\/\s*(@font-face \{[^}]*\})/g,
      ),
    ])
    .map((m) => `${m[1].replaceAll('url(./files/', 'url(/app/assets/fonts/')}\n`)
    .join('');
}

/**
 * The interface's few static files, read once. The stylesheet and script are linked with a
 * content hash (`?v=`) so browsers may keep them for a year and still see every change.
 */
@Injectable()
export class WebAssets {
  private readonly cache = new Map<string, WebAsset>();
  private version: string | null = null;

  /** A short hash of the stylesheet and script, for cache-busting links. */
  assetVersion(): string {
    if (this.version === null || process.env.NODE_ENV === 'development') {
      const hash = createHash('sha256');
      for (const name of ['app.css', 'app.js']) hash.update(this.read(name)?.bytes ?? '');
      this.version = hash.digest('hex').slice(0, 12);
    }
    return this.version;
  }

  /** `app.css`, `app.js` or one of the font files; null for anything else. */
  read(name: string): WebAsset | null {
    const cached = process.env.NODE_ENV === 'development' ? undefined : this.cache.get(name);
    if (cached) return cached;
    let file: string;
    let type: string;
    if (name === 'app.css') {
      file = path.join(webTemplatesDir(), 'assets', 'app.css');
      type = 'text/css; charset=utf-8';
    } else if (name === 'app.js') {
      file = path.join(webTemplatesDir(), 'assets', 'app.js');
      type = 'text/javascript; charset=utf-8';
    } else if (FONT_FILE.test(name)) {
      file = path.join(projectRoot(), 'node_modules', '@fontsource', 'sarabun', 'files', name);
      type = name.endsWith('.woff2') ? 'font/woff2' : 'font/woff';
    } else {
      return null;
    }
    const bytes = readFileSync(file);
    const asset = {
      bytes: name === 'app.css' ? Buffer.concat([Buffer.from(fontFaces()), bytes]) : bytes,
      type,
    };
    this.cache.set(name, asset);
    return asset;
  }
}
