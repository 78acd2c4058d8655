import type { DestinationStream } from 'pino';

/** Fields every line has, or that the pretty line shows in its own place. */
const SHOWN = new Set(['level', 'time', 'service', 'pid', 'hostname', 'context', 'msg', 'err']);

const clock = (time: unknown): string => {
  const date = new Date(typeof time === 'string' || typeof time === 'number' ? time : Date.now());
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
};

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One JSON line made readable: `12:04:05.123 INFO  [Context] message key=value …`, an error's
 * stack on the lines below. For LOG_FORMAT=pretty (local development); no dependency.
 */
export function formatPretty(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = show(entry.level ?? '')
    .toUpperCase()
    .padEnd(5);
  const context = entry.context ? ` [${show(entry.context)}]` : '';
  const message = entry.msg === undefined ? '' : ` ${show(entry.msg)}`;
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => ` ${key}=${show(value)}`)
    .join('');
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? `\n    ${show(err.stack ?? err.message).replace(/\n/g, '\n    ')}` : '';
  return `${clock(entry.time)} ${level}${context}${message}${fields}${stack}\n`;
}

/** Writes each line made readable to stdout. */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return { write: (line: string) => void out.write(formatPretty(line)) };
}
