import type { OrganisationEditProblem } from '@saraban/organisation';

/**
 * One admin form as a page shows it: the values typed (kept after a refusal), the errors next to
 * their fields, and the errors of the whole form. A page renders every form empty except the one
 * that was posted.
 */
export interface AdminFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  general: string[];
  /** The item the form was about (a row's own form opens on it again). */
  key?: string;
}

/** The form as posted, with the problems the edit found; `fields` renames the file's keys to the form's inputs. */
export function refusedForm(
  values: object,
  problems: OrganisationEditProblem[],
  fields: Record<string, string> = {},
  key?: string,
): AdminFormState {
  const errors: Record<string, string> = {};
  const general: string[] = [];
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') shown[name] = value;
    else if (Array.isArray(value)) shown[name] = value.join(',');
  }
  for (const p of problems) {
    const field = fields[p.field] ?? p.field;
    // A field the form has gets its first problem beside it; the rest are the whole form's.
    if (field && field in shown && !errors[field]) errors[field] = p.message;
    else general.push(p.message);
  }
  return { values: shown, errors, general, key };
}

/** A form the page shows empty. */
export function emptyForm(values: Record<string, string> = {}): AdminFormState {
  return { values, errors: {}, general: [] };
}
