import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting the processes read, validated once at boot. */
export const appConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .default('postgres://postgres:postgres@127.0.0.1:5432/saraban'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: booleanFlag.default(false),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Redis key prefix of the queues; tests give each file its own. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('saraban'),
  /**
   * API processes sharing the port (node:cluster). Default 1: with PostgreSQL and the worker on
   * the same cores, two processes cost more CPU per request than they gain (measured on 2 cores:
   * 1.9 against 2.8 ms per endorsement); give it the cores the API has to itself.
   */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Document jobs a worker runs at once; defaults to 2 × RENDER_POOL_SIZE (one prints while another reads or stores). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Warm Chromium pages per worker, i.e. documents printed at once; defaults to the number of cores. */
  RENDER_POOL_SIZE: z.coerce.number().int().min(1).max(32).optional(),
  /** Tagged (structured, accessible) PDFs; about a sixth of Chromium's time per document. */
  PDF_TAGGED: booleanFlag.default(true),
  /** How long a job may run without renewing its lock before another worker takes it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** How often the worker looks for new outbox events when no notification arrives. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** How often the worker re-enqueues decided memos whose documents are missing (lost queue state). */
  RECONCILE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Encrypts the organisations' PKCS#12 files at rest (AES-256-GCM); required in production. */
  SIGNING_KEY_SECRET: z.string().min(16).default('saraban-development-only-secret'),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Settings whose local default must not reach production. */
export const PRODUCTION_REQUIRED: readonly (keyof AppConfig)[] = ['SIGNING_KEY_SECRET'];
