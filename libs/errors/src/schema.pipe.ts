import { Injectable, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

/** One refusal of a schema, for people: the field's path ("body.2.text") and a Thai message. */
export interface SchemaProblem {
  field: string;
  message: string;
}

/**
 * A schema's refusals as people read them: each issue's own (Thai) message at its path, and a
 * field the input may not carry named as unknown.
 */
export function schemaProblems(error: z.ZodError): SchemaProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: `ไม่รู้จักช่อง "${key}"` }));
    }
    return [{ field: path.join('.'), message: issue.message }];
  });
}

/** A string, refused in Thai by its label when it is not one. */
function typedString(label: string) {
  return z.string({ error: `${label}ต้องเป็นข้อความ` });
}

/** At most `max` characters. */
function withinLength(label: string, max: number) {
  return [(v: string) => v.length <= max, `${label}ยาวเกิน ${max} ตัวอักษร`] as const;
}

/** Text a person typed: a string of at most `max` characters, refused in Thai by its label. */
export function textField(label: string, max: number) {
  return typedString(label).refine(...withinLength(label, max));
}

/** The same, and not blank (only spaces count as blank), which is said first. */
export function requiredTextField(label: string, max: number) {
  return typedString(label)
    .refine((v) => v.trim().length > 0, `กรุณากรอก${label}`)
    .refine(...withinLength(label, max));
}

/**
 * An optional field of an input: absent, or null as many clients send an empty one, is left
 * out (undefined), as class-validator's IsOptional let both through.
 */
export function optionalField<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => v ?? undefined);
}

/**
 * Validates a request body with a shared schema (the one the web's forms use for the same
 * input): 400 VALIDATION_FAILED with `details: [{ field, problems }]`, the problems in Thai.
 * `problemsOf` words the refusals (default schemaProblems).
 */
@Injectable()
export class SchemaPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly problemsOf: (error: z.ZodError) => SchemaProblem[] = schemaProblems,
  ) {}

  transform(value: unknown): T {
    // A request sent without a body (no Content-Type) is an empty one.
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const byField = new Map<string, string[]>();
    for (const { field, message } of this.problemsOf(parsed.error)) {
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    throw new AppException(
      ErrorCode.ValidationFailed,
      [...byField].map(([field, problems]) => ({ field, problems })),
    );
  }
}
