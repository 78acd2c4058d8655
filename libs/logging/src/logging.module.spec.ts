import { Controller, Get, Logger, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import request from 'supertest';
import { APP_CONFIG, loadConfig } from '@saraban/config';
import { AppExceptionFilter } from '@saraban/errors';
import { LoggingModule } from './logging.module';

type Line = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every line pino writes, parsed: the test fails on anything that is not one JSON object per line. */
const lines: Line[] = [];
const destination = {
  write: (chunk: string) => {
    for (const text of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
  },
};

/** Waits for a line written after the first `from` lines. */
async function lineWhere(predicate: (line: Line) => boolean, what: string, from = 0): Promise<Line> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = lines.slice(from).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no log line ${what} in:\n${JSON.stringify(lines, null, 1)}`);
    await new Promise((r) => setImmediate(r));
  }
}

@Controller()
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get('probe')
  async probe(): Promise<{ ok: true }> {
    await new Promise((r) => setImmediate(r));
    this.logger.log('inside the handler');
    return { ok: true };
  }

  @Get('fail')
  fail(): { ok: false } {
    this.logger.error({ err: new Error('kaput'), memoId: 'm-1' }, 'could not do it');
    return { ok: false };
  }

  @Get('boom')
  boom(): never {
    throw new TypeError('boom');
  }

  @Get('health/live')
  live(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [LoggingModule.forRoot({ service: 'saraban-api', destination })],
  controllers: [ProbeController],
})
class ProbeModule {}

describe('LoggingModule in an HTTP app', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ LOG_LEVEL: 'debug' }))
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    app.useGlobalFilters(new AppExceptionFilter());
    await app.init();
  });
  afterAll(() => app.close());

  const get = (path: string) => request(app.getHttpServer() as Parameters<typeof request>[0]).get(path);

  it('gives each request an id in X-Request-Id: a new UUID, or the caller’s when it is a short safe token', async () => {
    const fresh = await get('/probe').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(UUID);
    const other = await get('/probe').expect(200);
    expect(other.headers['x-request-id']).toMatch(UUID);
    expect(other.headers['x-request-id']).not.toBe(fresh.headers['x-request-id']);

    const safe = 'edge-7f3a.B_9';
    expect((await get('/probe').set('X-Request-Id', safe)).headers['x-request-id']).toBe(safe);
    const longest = 'a'.repeat(64);
    expect((await get('/probe').set('X-Request-Id', longest)).headers['x-request-id']).toBe(longest);

    for (const unsafe of ['a'.repeat(65), 'has space', 'semi;colon', '../etc', '%E0%B8%A5', 'x\ty']) {
      const res = await get('/probe').set('X-Request-Id', unsafe);
      expect(res.headers['x-request-id']).toMatch(UUID);
    }
  });

  it('writes one line per request, and the handler’s own lines carry the same reqId', async () => {
    const from = lines.length;
    await get('/probe?token=secret-query')
      .set('X-Request-Id', 'req-b')
      .set('Authorization', 'Bearer secret-bearer')
      .set('Cookie', 'saraban_session=secret-cookie')
      .expect(200);

    const handlerLine = await lineWhere((l) => l.msg === 'inside the handler', 'from the handler', from);
    expect(handlerLine).toMatchObject({
      level: 'info',
      context: 'Probe',
      reqId: 'req-b',
      service: 'saraban-api',
      pid: process.pid,
    });
    expect(typeof handlerLine.time).toBe('string');

    const requestLine = await lineWhere(
      (l) => l.reqId === 'req-b' && l.msg === 'request completed',
      'for the request',
      from,
    );
    expect(requestLine).toMatchObject({ level: 'info', method: 'GET', path: '/probe', status: 200 });
    expect(typeof requestLine.ms).toBe('number');
    expect(lines.filter((l) => l.reqId === 'req-b')).toHaveLength(2);

    const all = JSON.stringify(lines);
    for (const secret of ['secret-query', 'secret-bearer', 'secret-cookie'])
      expect(all).not.toContain(secret);
  });

  it('serialises an error logged as { err } with its type, message and stack', async () => {
    const from = lines.length;
    const res = await get('/fail').expect(200);
    const line = await lineWhere((l) => l.msg === 'could not do it', 'with the error', from);
    expect(line).toMatchObject({
      level: 'error',
      context: 'Probe',
      memoId: 'm-1',
      reqId: res.headers['x-request-id'],
      err: { type: 'Error', message: 'kaput' },
    });
    expect((line.err as { stack: string }).stack).toMatch(/^Error: kaput\n\s+at .*logging\.module\.spec\.ts/);
  });

  it('logs an unhandled error with its stack and the reqId, and its request line at error', async () => {
    const from = lines.length;
    const res = await get('/boom').set('X-Request-Id', 'req-boom').expect(500);
    // The caller gets the generic answer only: no message, type or stack of the error.
    expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: expect.any(String) });
    expect(res.text).not.toMatch(/boom|TypeError|ProbeController/);
    const errorLine = await lineWhere((l) => l.msg === 'unhandled error', 'from the exception filter', from);
    expect(errorLine).toMatchObject({
      level: 'error',
      context: 'Errors',
      reqId: 'req-boom',
      err: { type: 'TypeError', message: 'boom' },
    });
    expect((errorLine.err as { stack: string }).stack).toMatch(
      /^TypeError: boom\n\s+at ProbeController\.boom/,
    );
    const requestLine = await lineWhere(
      (l) => l.reqId === 'req-boom' && 'status' in l,
      'for the request',
      from,
    );
    expect(requestLine).toMatchObject({ level: 'error', msg: 'request failed', path: '/boom', status: 500 });
    expect(requestLine).not.toHaveProperty('err');
  });

  it('covers every path, the root and unknown ones included', async () => {
    for (const path of ['/', '/nowhere/at/all']) {
      const res = await get(path).expect(404);
      expect(res.headers['x-request-id']).toMatch(UUID);
      const line = await lineWhere((l) => l.reqId === res.headers['x-request-id'], `for ${path}`);
      expect(line).toMatchObject({ level: 'info', method: 'GET', path, status: 404 });
    }
  });

  it('keeps health probes at debug', async () => {
    const res = await get('/health/live').expect(200);
    const line = await lineWhere((l) => l.reqId === res.headers['x-request-id'], 'for the probe');
    expect(line).toMatchObject({ level: 'debug', path: '/health/live', status: 200 });
  });
});
