import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

// NUL cannot be stored in PostgreSQL text or jsonb, and the other C0 controls (and DEL) only
// ever arrive as debris from copy-paste; tab and line breaks are legitimate in multi-line text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether `value` holds only characters a memo may print. */
export function isSafeText(value: unknown, multiline: boolean): boolean {
  if (typeof value !== 'string') return false;
  return !(multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/** A string without control characters; `multiline` also allows tab, CR and LF. */
export function IsSafeText(multiline = false, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeText',
      validator: {
        validate: (value: unknown) => isSafeText(value, multiline),
        defaultMessage: buildMessage(
          (each) => `${each}$property must not contain control characters`,
          options,
        ),
      },
    },
    options,
  );
}

/** A string that is not only whitespace. */
export function HasText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
        defaultMessage: buildMessage((each) => `${each}$property must not be blank`, options),
      },
    },
    options,
  );
}
