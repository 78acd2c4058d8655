import { stat } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { APP_CONFIG, loadConfig } from '@saraban/config';
import { runWithLogContext } from './log-context';
import { LoggingModule } from './logging.module';

type Line = Record<string, unknown>;

const lines: Line[] = [];
const destination = {
  write: (chunk: string) => {
    for (const text of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
  },
};
/** pino writes to a plain object destination synchronously: a call's line is there when it returns. */
const lineSaying = (msg: string): Line => {
  const found = lines.filter((l) => l.msg === msg);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('runWithLogContext (the worker: no HTTP)', () => {
  let moduleRef: TestingModule;
  const logger = new Logger('DocumentJobs');

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [LoggingModule.forRoot({ service: 'saraban-worker', destination })],
    })
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ LOG_LEVEL: 'info' }))
      .compile();
    moduleRef.useLogger(moduleRef.get(PinoNestLogger));
  });
  afterAll(() => moduleRef.close());

  it('binds its fields to every Nest Logger line inside, across awaits, and to none outside', async () => {
    const answer = await runWithLogContext({ jobId: 'x', memoId: 'm-9' }, async () => {
      logger.log('before any await');
      await new Promise((r) => setImmediate(r));
      await stat(__filename);
      logger.warn('after awaits');
      return 42;
    });
    logger.warn('outside');

    expect(answer).toBe(42);
    for (const msg of ['before any await', 'after awaits']) {
      expect(lineSaying(msg)).toMatchObject({
        jobId: 'x',
        memoId: 'm-9',
        context: 'DocumentJobs',
        service: 'saraban-worker',
        pid: process.pid,
      });
    }
    expect(lineSaying('after awaits').level).toBe('warn');
    const outside = lineSaying('outside');
    expect(outside).toMatchObject({ level: 'warn', context: 'DocumentJobs', service: 'saraban-worker' });
    expect(outside).not.toHaveProperty('jobId');
    expect(outside).not.toHaveProperty('memoId');
  });

  it('keeps concurrent contexts apart and lets a nested one add fields', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = (jobId: string) =>
      runWithLogContext({ jobId }, async () => {
        await gate;
        await runWithLogContext({ stage: 'render' }, async () => {
          await new Promise((r) => setImmediate(r));
          logger.log(`rendering ${jobId}`);
        });
        logger.log(`done ${jobId}`);
      });
    const both = Promise.all([job('a'), job('b')]);
    release();
    await both;

    for (const id of ['a', 'b']) {
      expect(lineSaying(`rendering ${id}`)).toMatchObject({ jobId: id, stage: 'render' });
      const done = lineSaying(`done ${id}`);
      expect(done).toMatchObject({ jobId: id });
      expect(done).not.toHaveProperty('stage');
    }
  });

  it('passes a rejection on, and an error logged as { err } keeps its stack and the bindings', async () => {
    const failing = runWithLogContext({ jobId: 'y' }, async () => {
      await new Promise((r) => setImmediate(r));
      const err = new Error('printer on fire');
      logger.error({ err }, 'render failed');
      throw err;
    });
    await expect(failing).rejects.toThrow('printer on fire');

    const line = lineSaying('render failed');
    expect(line).toMatchObject({
      level: 'error',
      jobId: 'y',
      err: { type: 'Error', message: 'printer on fire' },
    });
    expect((line.err as { stack: string }).stack).toMatch(/^Error: printer on fire\n\s+at /);
  });
});
