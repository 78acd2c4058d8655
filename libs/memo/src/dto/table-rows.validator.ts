import { ValidateBy, type ValidationOptions } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { isSafeText } from '../memo-draft.schema';

/** Why `value` is not a valid list of table rows, or null when it is (the width is checked later). */
export function tableRowsProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'rows must be an array of rows';
  if (value.length > MEMO_LIMITS.tableRows) return `rows must hold at most ${MEMO_LIMITS.tableRows} rows`;
  for (const [r, row] of value.entries()) {
    if (!Array.isArray(row)) return `rows[${r}] must be an array of strings`;
    if (row.length > MEMO_LIMITS.tableColumns)
      return `rows[${r}] has more than ${MEMO_LIMITS.tableColumns} cells`;
    for (const [c, cell] of row.entries()) {
      if (typeof cell !== 'string') return `rows[${r}][${c}] must be a string`;
      if (cell.length > MEMO_LIMITS.tableCellText)
        return `rows[${r}][${c}] must be at most ${MEMO_LIMITS.tableCellText} characters`;
      if (!isSafeText(cell, true)) return `rows[${r}][${c}] must not contain control characters`;
    }
  }
  return null;
}

/** An array of rows, each an array of short strings without control characters. */
export function IsTableRows(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTableRows',
      validator: {
        validate: (value: unknown) => tableRowsProblem(value) === null,
        defaultMessage: (args) => tableRowsProblem(args?.value) ?? 'rows are invalid',
      },
    },
    options,
  );
}
