import { createRootLogger } from './logger-options';
import { formatPretty, prettyDestination } from './pretty-destination';

describe('LOG_FORMAT=pretty', () => {
  it('turns a JSON line into one short human line, the fields after the message', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-11-25T03:04:05.678Z',
      service: 'saraban-api',
      pid: 7,
      reqId: 'r-1',
      context: 'HTTP',
      msg: 'request completed',
      status: 200,
      tags: ['a'],
    });
    expect(formatPretty(`${line}\n`)).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[HTTP\] request completed reqId=r-1 status=200 tags=\["a"\]\n$/,
    );
  });

  it('puts an error’s stack under its line, and leaves anything that is not JSON as it is', () => {
    const out: string[] = [];
    const logger = createRootLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }, 'saraban-worker', {
      write: (line: string) => out.push(formatPretty(line)),
    });
    logger.error({ err: new Error('no paper') }, 'print failed');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/ ERROR print failed\n {4}Error: no paper\n {8}at /);
    expect(formatPretty('plain text\n')).toBe('plain text\n');
  });

  it('writes to the stream it is given', () => {
    const written: string[] = [];
    const destination = prettyDestination({
      write: (s: string) => written.push(s) > 0,
    } as NodeJS.WritableStream);
    destination.write(`${JSON.stringify({ level: 'warn', msg: 'hm' })}\n`);
    expect(written).toEqual([expect.stringMatching(/ WARN {2}hm\n$/)]);
  });
});
