import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

export type MailTemplate = 'notification' | 'digest';
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** templates/mail: the Thai email and LINE texts (handlebars); read once per process. */
@Injectable()
export class MailTemplates {
  private readonly html = Handlebars.create();
  private readonly plain = Handlebars.create();
  private readonly cache = new Map<string, HandlebarsTemplateDelegate>();
  private readonly dir = path.join(process.cwd(), 'templates', 'mail');

  constructor() {
    for (const hbs of [this.html, this.plain]) hbs.registerHelper('inc', (n: number) => n + 1);
  }

  render(name: MailTemplate, context: object): RenderedMail {
    return {
      subject: this.compile(`${name}.subject`, this.plain)(context).trim().replace(/\s+/g, ' '),
      html: this.compile(`${name}.html`, this.html)(context),
      text: this.compile(`${name}.text`, this.plain)(context),
    };
  }

  /** The LINE push text (plain: LINE shows no HTML). */
  linePush(context: object): string {
    return this.compile('line-push', this.plain)(context).trim();
  }

  private compile(file: string, hbs: typeof Handlebars): HandlebarsTemplateDelegate {
    const key = `${hbs === this.html ? 'h' : 'p'}:${file}`;
    let t = this.cache.get(key);
    if (!t) {
      const source = readFileSync(path.join(this.dir, `${file}.hbs`), 'utf8');
      // Plain text is not HTML: no escaping there (it would show &amp; in the mail).
      t = hbs.compile(source, { noEscape: hbs === this.plain, strict: false });
      this.cache.set(key, t);
    }
    return t;
  }
}
