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

/** The characters each Sarabun subset covers (as @fontsource cuts the font). */
const FONT_SUBSETS: [subset: string, unicodeRange: string][] = [
  ['thai', 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC'],
  [
    'latin',
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, ' +
      'U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  ],
];

/**
 * The stylesheet's @font-face rules, one a subset and weight, written ahead of app.css (the
 * browser downloads only the files whose characters a page uses).
 */
const FONT_FACES = [400, 700]
  .flatMap((weight) =>
    FONT_SUBSETS.map(([subset, range]) => {
      const file = `/app/assets/fonts/sarabun-${subset}-${weight}-normal`;
      return [
        '@font-face {',
        "  font-family: 'Sarabun';",
        '  font-style: normal;',
        '  font-display: swap;',
        `  font-weight: ${weight};`,
        '  src:',
        `    url(${file}.woff2) format('woff2'),`,
        `    url(${file}.woff) format('woff');`,
        `  unicode-range: ${range};`,
        '}\n',
      ].join('\n');
    }),
  )
  .join('');

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
      bytes: name === 'app.css' ? Buffer.concat([Buffer.from(FONT_FACES), bytes]) : bytes,
      type,
    };
    this.cache.set(name, asset);
    return asset;
  }
}
