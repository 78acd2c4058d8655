import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { isSafeText } from '../memo-draft.schema';

/* The attachments' text fields (titles, table cells); the rule itself is memo-draft.schema.ts's. */

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
