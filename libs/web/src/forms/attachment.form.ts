/*
 * The attachment forms' own fields, beside those that attachmentInputSchemas reads (title,
 * tsv, version): what only the page has.
 */

/** The table form: "preview" shows the table as it was read, without adding it. */
export interface TableForm {
  op?: unknown;
  [field: string]: unknown;
}

/** The up and down buttons of an attachment (the API takes the whole order instead). */
export interface MoveForm {
  direction?: unknown;
  [field: string]: unknown;
}
