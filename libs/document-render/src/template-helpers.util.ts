import type Handlebars from 'handlebars';
import { documentKeepPattern, escapeHtml, typesetLine } from './typesetting/typeset-html.util';

type HandlebarsRuntime = typeof Handlebars;

function splitLines(value: unknown): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return String(value)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0);
}

/** The kept phrases of the document being printed (its organisation's name), cached by name. */
const keepPatterns = new Map<string, RegExp>();
function keepPatternOf(options: Handlebars.HelperOptions): RegExp {
  const root = (options.data as { root?: { organisationName?: unknown } } | undefined)?.root;
  const name = typeof root?.organisationName === 'string' ? root.organisationName : '';
  let pattern = keepPatterns.get(name);
  if (!pattern) {
    pattern = documentKeepPattern(name);
    if (keepPatterns.size > 1000) keepPatterns.clear();
    keepPatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * The only helpers that emit markup. Each escapes every word first and only then wraps it
 * (typesetLine), so text people typed can never become markup, whatever it holds. Every line
 * is typeset for Thai: a line may break only between words (see typesetting/).
 */
export function registerTemplateHelpers(hbs: HandlebarsRuntime): void {
  // {{paragraphs text class="para"}}: one <p> per non-empty line.
  hbs.registerHelper('paragraphs', function (value: unknown, options: Handlebars.HelperOptions) {
    const hash = options.hash as Record<string, unknown>;
    const cls = typeof hash.class === 'string' ? ` class="${escapeHtml(hash.class)}"` : '';
    const keep = keepPatternOf(options);
    const html = splitLines(value)
      .map((line) => `<p${cls}>${typesetLine(line, keep)}</p>`)
      .join('\n');
    return new hbs.SafeString(html);
  });
  // {{lines text}}: the lines of a table cell or a title, joined with <br>.
  hbs.registerHelper('lines', function (value: unknown, options: Handlebars.HelperOptions) {
    const keep = keepPatternOf(options);
    return new hbs.SafeString(
      splitLines(value)
        .map((line) => typesetLine(line, keep))
        .join('<br>'),
    );
  });
  // {{words text}}: one value printed inline (subject, position, heading), broken between words only.
  hbs.registerHelper('words', function (value: unknown, options: Handlebars.HelperOptions) {
    if (typeof value !== 'string' && typeof value !== 'number') return '';
    return new hbs.SafeString(typesetLine(String(value), keepPatternOf(options)));
  });
  // {{personName text}}: a person's name, broken only at its spaces.
  hbs.registerHelper('personName', function (value: unknown, options: Handlebars.HelperOptions) {
    if (typeof value !== 'string' && typeof value !== 'number') return '';
    return new hbs.SafeString(typesetLine(String(value), keepPatternOf(options), { name: true }));
  });
}
