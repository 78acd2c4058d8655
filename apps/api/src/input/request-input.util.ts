/**
 * What the API refuses before anything reads a request (400 VALIDATION_FAILED), so that input it
 * cannot process never reaches validation, a service or PostgreSQL:
 * - JSON nested deeper than MAX_INPUT_DEPTH levels (class-transformer and class-validator recurse
 *   once per level; thousands of levels overflow the stack, and parsing them costs seconds);
 * - control characters: none at all in a path; in a query or a text, none but tab, LF and CR
 *   (PostgreSQL cannot store NUL in text or jsonb; the others are debris). Fields that must be
 *   single-line say so in their DTOs.
 */
export const MAX_INPUT_DEPTH = 32;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A percent-encoded control character in a path: none is allowed there, not even tab or a line break. */
const PATH_FORBIDDEN = /%(?:[01][0-9a-f]|7f)/i;
/** …and in a query string, all but %09 (tab), %0A (LF) and %0D (CR). */
const QUERY_FORBIDDEN = /%(?:0[0-8bcef]|1[0-9a-f]|7f)/i;

const TOO_DEEP = `ข้อมูลซ้อนกันลึกเกิน ${MAX_INPUT_DEPTH.toLocaleString('th-TH-u-nu-thai')} ชั้น`;

export interface InputProblem {
  field: string;
  problems: string[];
}

function controlCharacter(text: string): InputProblem['problems'] {
  const found = TEXT_FORBIDDEN.exec(text)?.[0] ?? '\u0000';
  const code = found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return [`มีอักขระควบคุม (U+${code}) ซึ่งใช้ไม่ได้`];
}

/**
 * Whether JSON text nests objects and arrays deeper than `max`, read from its bytes before it is
 * parsed: brackets inside strings do not count. Linear, no allocation.
 */
export function jsonNestedDeeperThan(bytes: Uint8Array, max = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) return true;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return false;
}

export const tooDeepProblem = (field: string): InputProblem => ({ field, problems: [TOO_DEEP] });

/** A control character in the request line (`url` as sent: path and query still percent-encoded). */
export function urlProblem(url: string): InputProblem | null {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (PATH_FORBIDDEN.test(path)) {
    return { field: 'path', problems: controlCharacter(decodeURIComponent(PATH_FORBIDDEN.exec(path)![0])) };
  }
  const query = q < 0 ? '' : url.slice(q + 1);
  if (QUERY_FORBIDDEN.test(query)) {
    return {
      field: 'query',
      problems: controlCharacter(decodeURIComponent(QUERY_FORBIDDEN.exec(query)![0])),
    };
  }
  return null;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The first string (value or key) with a forbidden control character, or the first container
 * deeper than `maxDepth`, in parsed input (bodies, queries, route parameters, multipart fields
 * and file names). Iterative, so no input can overflow the stack; buffers and class instances
 * are not entered.
 */
export function findInputProblem(
  value: unknown,
  root: string,
  maxDepth = MAX_INPUT_DEPTH,
): InputProblem | null {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [v, field, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (TEXT_FORBIDDEN.test(v)) return { field, problems: controlCharacter(v) };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const array = Array.isArray(v);
    if (!array && !isPlainObject(v)) continue;
    if (depth >= maxDepth) return tooDeepProblem(field);
    if (array) {
      v.forEach((item, i) => stack.push([item, `${field}[${i}]`, depth + 1]));
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = field ? `${field}.${key}` : key;
      if (TEXT_FORBIDDEN.test(key)) return { field: at, problems: controlCharacter(key) };
      stack.push([v[key], at, depth + 1]);
    }
  }
  return null;
}
