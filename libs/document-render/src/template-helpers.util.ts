import type Handlebars from 'handlebars';

type HandlebarsRuntime = typeof Handlebars;

function splitLines(value: unknown): string[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  return String(value)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0);
}

/**
 * The only helpers that emit markup. Each escapes every line first and only then wraps it,
 * so text people typed can never become markup, whatever it holds.
 */
export function registerTemplateHelpers(hbs: HandlebarsRuntime): void {
  // {{paragraphs text class="para"}}: one <p> per non-empty line.
  hbs.registerHelper('paragraphs', function (value: unknown, options: Handlebars.HelperOptions) {
    const hash = options.hash as Record<string, unknown>;
    const cls = typeof hash.class === 'string' ? ` class="${hbs.escapeExpression(hash.class)}"` : '';
    const html = splitLines(value)
      .map((line) => `<p${cls}>${hbs.escapeExpression(line)}</p>`)
      .join('\n');
    return new hbs.SafeString(html);
  });
  // {{lines text}}: the lines of a table cell, joined with <br>.
  hbs.registerHelper('lines', function (value: unknown) {
    return new hbs.SafeString(
      splitLines(value)
        .map((line) => hbs.escapeExpression(line))
        .join('<br>'),
    );
  });
}
