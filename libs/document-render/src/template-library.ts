import { promises as fs } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { AppException, ErrorCode } from '@saraban/errors';
import { registerTemplateHelpers } from './template-helpers.util';

/** The partials a memo template may use; each is looked up along the chain on its own. */
export const MEMO_PARTIALS = [
  'header',
  'body',
  'signature',
  'endorsement',
  'report-table',
  'verification',
] as const;

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A memo template set, compiled for one organisation (its overrides, then the defaults). */
export interface CompiledMemoTemplates {
  render(context: object): string;
  stylesheet: string;
}

/**
 * Finds and compiles templates along a directory chain: `templates/orgs/<orgCode>/memo/` first,
 * then `templates/memo/`. Each file falls back on its own, so an organisation may override just
 * the header partial or just the stylesheet. Compiled sets are cached per organisation.
 */
export class TemplateLibrary {
  private readonly compiled = new Map<string, Promise<CompiledMemoTemplates>>();

  constructor(private readonly root: string) {}

  static assertOrgCode(orgCode: string): void {
    if (!ORG_CODE.test(orgCode)) {
      throw new AppException(ErrorCode.DocumentInvalid, { orgCode }, 'รหัสองค์กรสำหรับแม่แบบเอกสารไม่ถูกต้อง');
    }
  }

  memo(orgCode?: string): Promise<CompiledMemoTemplates> {
    if (orgCode !== undefined) TemplateLibrary.assertOrgCode(orgCode);
    const key = orgCode ?? '';
    let set = this.compiled.get(key);
    if (!set) {
      set = this.compileMemo(orgCode);
      // A failed compile (a broken override) must not be cached forever.
      set.catch(() => this.compiled.delete(key));
      this.compiled.set(key, set);
    }
    return set;
  }

  /** An asset (the placeholder emblem, images a template links to) along the same chain. */
  async asset(orgCode: string | undefined, name: string): Promise<Buffer | null> {
    if (orgCode !== undefined) TemplateLibrary.assertOrgCode(orgCode);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) return null;
    const dirs = [
      ...(orgCode ? [path.join(this.root, 'orgs', orgCode, 'assets')] : []),
      path.join(this.root, 'assets'),
    ];
    for (const dir of dirs) {
      const file = await readIfExists(path.join(dir, name));
      if (file) return file;
    }
    return null;
  }

  private async compileMemo(orgCode: string | undefined): Promise<CompiledMemoTemplates> {
    const dirs = [
      ...(orgCode ? [path.join(this.root, 'orgs', orgCode, 'memo')] : []),
      path.join(this.root, 'memo'),
    ];
    const read = async (rel: string): Promise<string> => {
      for (const dir of dirs) {
        const file = await readIfExists(path.join(dir, rel));
        if (file) return file.toString('utf8');
      }
      throw new Error(`memo template ${rel} not found in ${dirs.join(', ')}`);
    };
    const hbs = Handlebars.create();
    registerTemplateHelpers(hbs);
    for (const name of MEMO_PARTIALS) {
      hbs.registerPartial(name, hbs.compile(await read(`partials/${name}.hbs`), { preventIndent: true }));
    }
    const template = hbs.compile(await read('memo.hbs'), { preventIndent: true });
    const stylesheet = await read('styles.css');
    return { render: (context) => template(context), stylesheet };
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
