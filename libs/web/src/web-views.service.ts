import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import Handlebars from 'handlebars';
import { CsrfService } from '@saraban/auth';
import {
  applyDigits,
  formatThaiDate,
  formatThaiDateTime,
  formatThaiShortDate,
  type DigitStyle,
} from '@saraban/thai-format';
import {
  ORDER_LABELS,
  SECRECY_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
  ROLE_LABELS,
  ACTING_KIND_LABELS,
  DOCUMENT_STAGE_LABELS,
  DOCUMENT_STATE_LABELS,
} from './web-labels';
import { WebAssets } from './web-assets.service';
import { webTemplatesDir } from './web-paths.util';

type HandlebarsRuntime = typeof Handlebars;
type Template = Handlebars.TemplateDelegate<object>;

function asDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/**
 * The digits of the page: the organisation's (`digits` in the page's context, from the shell),
 * so that an office that prints ๑๒๓ in its memos reads ๑๒๓ on its screens too; Arabic where the
 * page has no organisation.
 */
function digitsOf(options: unknown): DigitStyle {
  const root = (options as { data?: { root?: { digits?: unknown } } } | undefined)?.data?.root;
  return root?.digits === 'thai' ? 'thai' : 'arabic';
}

function dateHelper(format: (d: Date, style: DigitStyle) => string) {
  // Buddhist-era years always; the digits as the organisation prints them.
  return (value: unknown, options: unknown): string => {
    const d = asDate(value);
    return d ? format(d, digitsOf(options)) : '';
  };
}

function label(map: Record<string, string>) {
  return (value: unknown): string => (typeof value === 'string' ? (map[value] ?? value) : '');
}

/** Helpers for the interface's views. None returns markup: everything goes through `{{ }}` escaping. */
function registerHelpers(hbs: HandlebarsRuntime): void {
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hbs.registerHelper('inc', (n: unknown) => (typeof n === 'number' ? n + 1 : n));
  hbs.registerHelper(
    'includes',
    (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item),
  );
  hbs.registerHelper('thaiDate', dateHelper(formatThaiDate));
  hbs.registerHelper('thaiDateTime', dateHelper(formatThaiDateTime));
  hbs.registerHelper('shortDate', dateHelper(formatThaiShortDate));
  // The paper view prints dates as the memo does: Thai digits.
  hbs.registerHelper('docDate', (value: unknown) => {
    const d = asDate(value);
    return d ? formatThaiDate(d, 'thai') : '';
  });
  hbs.registerHelper('docShortDate', (value: unknown) => {
    const d = asDate(value);
    return d ? formatThaiShortDate(d, 'thai') : '';
  });
  hbs.registerHelper('isoDate', (value: unknown) => asDate(value)?.toISOString() ?? '');
  hbs.registerHelper('urgencyLabel', label(URGENCY_LABELS));
  hbs.registerHelper('secrecyLabel', label(SECRECY_LABELS));
  hbs.registerHelper('statusLabel', label(STATUS_LABELS));
  hbs.registerHelper('orderLabel', label(ORDER_LABELS));
  hbs.registerHelper('roleLabel', label(ROLE_LABELS));
  hbs.registerHelper('actingKindLabel', label(ACTING_KIND_LABELS));
  hbs.registerHelper('documentStateLabel', label(DOCUMENT_STATE_LABELS));
  hbs.registerHelper('documentStageLabel', label(DOCUMENT_STAGE_LABELS));
  hbs.registerHelper('workingHours', (hours: unknown, options: unknown) => {
    if (typeof hours !== 'number') return '';
    const minutes = Math.round(Math.abs(hours) * 60);
    const h = Math.floor(minutes / 60);
    return applyDigits(h > 0 ? `${h} ชม. ${minutes % 60} นาที` : `${minutes} นาที`, digitsOf(options));
  });
  // A number as the page's digits: {{num count}}.
  hbs.registerHelper('num', (value: unknown, options: unknown) =>
    typeof value === 'number' || typeof value === 'string'
      ? applyDigits(String(value), digitsOf(options))
      : '',
  );
  hbs.registerHelper('fileSize', (bytes: unknown, options: unknown) => {
    if (typeof bytes !== 'number') return '';
    const text =
      bytes < 1024 * 1024
        ? `${Math.max(1, Math.round(bytes / 1024))} กิโลไบต์`
        : `${(bytes / (1024 * 1024)).toFixed(1)} เมกะไบต์`;
    return applyDigits(text, digitsOf(options));
  });
}

/**
 * Renders the interface's pages from `templates/web/`: `pages/<name>.hbs`, each wrapping itself in
 * the `layout` partial; `partials/*.hbs` are shared. Compiled once; in development re-read on every
 * render so that a changed view shows on reload.
 */
@Injectable()
export class WebViews {
  private compiled: { hbs: HandlebarsRuntime; pages: Map<string, Template> } | null = null;
  private readonly reload = process.env.NODE_ENV === 'development';

  constructor(
    private readonly assets: WebAssets,
    private readonly csrf: CsrfService,
  ) {}

  render(name: string, context: object): string {
    const { pages } = this.templates();
    const page = pages.get(name);
    if (!page) throw new Error(`web view ${name} not found`);
    // Every page links the stylesheet and script with their content hash, whoever renders it.
    let assetVersion = '';
    try {
      assetVersion = this.assets.assetVersion();
    } catch {
      // An error page must still render when the assets are what failed.
    }
    return page({ assetVersion, ...context });
  }

  /**
   * Sends a page; signed-in pages are never cached (a shared office PC, the back button after
   * sign-out). Every page gets the session's CSRF token (`csrfToken`) for its forms and script.
   */
  send(res: Response, name: string, context: object, status = 200): void {
    const csrfToken = this.csrf.tokenFor(res.req, res);
    res
      .status(status)
      .setHeader('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(this.render(name, { ...context, csrfToken }));
  }

  private templates(): { hbs: HandlebarsRuntime; pages: Map<string, Template> } {
    if (this.compiled && !this.reload) return this.compiled;
    const dir = webTemplatesDir();
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    const read = (file: string): string => readFileSync(file, 'utf8');
    const partialDir = path.join(dir, 'partials');
    for (const file of readdirSync(partialDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(
        path.basename(file, '.hbs'),
        // Without preventIndent a partial's indentation would leak into <textarea> contents.
        hbs.compile(read(path.join(partialDir, file)), { preventIndent: true }),
      );
    }
    const pages = new Map<string, Template>();
    const pageDir = path.join(dir, 'pages');
    for (const file of readdirSync(pageDir).filter((f) => f.endsWith('.hbs'))) {
      pages.set(
        path.basename(file, '.hbs'),
        hbs.compile(read(path.join(pageDir, file)), { preventIndent: true }),
      );
    }
    this.compiled = { hbs, pages };
    return this.compiled;
  }
}
