import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** `scrypt$N$r$p$salt$key` (base64), as hashPassword writes it. */
const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;

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
  /** Absolute session timeout: a session ends this long after sign-in, however busy. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** Idle session timeout: a session unused this long ends (its last use is recorded at most once a minute). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(2)
    .max(24 * 60)
    .default(30),
  /** How often the worker deletes ended sessions (idle or past their absolute timeout). */
  SESSION_CLEANUP_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15 * 60_000),
  /** Cookies are `Secure` when this is set or PUBLIC_BASE_URL is https. */
  COOKIE_SECURE: booleanFlag.default(false),
  /**
   * Failed sign-ins of one account (organisation + username) before it is locked for
   * SIGN_IN_LOCK_MINUTES; the first three are free, each later one doubles the wait (1 s, 2 s, 4 s …).
   */
  SIGN_IN_ACCOUNT_LOCK_AFTER: z.coerce.number().int().min(4).max(1000).default(10),
  /** Failed sign-ins from one client address (any accounts) before it is locked; ten are free. */
  SIGN_IN_ADDRESS_LOCK_AFTER: z.coerce.number().int().min(11).max(100_000).default(50),
  /** How long a lock lasts; failures are counted over the same window. */
  SIGN_IN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is believed (Express's `trust proxy`
   * hop count); 0 (default) takes the client address from the connection. Sign-in and upload
   * limits count per client address, so behind a proxy set this or they count the proxy.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** The print engine: Debian's chromium-headless-shell (DEFAULT_CHROMIUM_PATH in document-render). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/lib/chromium/chromium-headless-shell'),
  /**
   * json: one JSON object per line on stdout (for machines: `level`, `time`, `service`, `pid`,
   * `context`, `msg`, `reqId` or job bindings, `err` with its stack). pretty: one short human line
   * per event (local development), from the same fields.
   */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** The least severe level written; `silent` writes nothing (tests default to warn). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  /** How often the worker looks for steps to remind about and overdue steps to escalate (issue 13). */
  DEADLINE_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often the worker re-enqueues decided memos whose documents are missing (lost queue state). */
  RECONCILE_MS: z.coerce.number().int().min(100).default(60_000),
  /** A render of an ordinary memo that takes longer fails; larger documents get more time (printBudget). */
  RENDER_TIMEOUT_MS: z.coerce.number().int().min(500).default(30_000),
  /** How often the renderer's watchdog probes Chromium when it printed nothing meanwhile. */
  RENDER_WATCHDOG_MS: z.coerce.number().int().min(100).default(5_000),
  /** Attempts of each document job before it gives up and the document is set aside. */
  DOCUMENT_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /**
   * A document whose jobs gave up is retried by the reconciler after this long, twice as long
   * each further time (up to 64 ×), while the renderer is healthy.
   */
  DOCUMENT_RETRY_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5 * 60_000),
  /** A decided memo whose document has not appeared after this long is listed as stuck. */
  DOCUMENT_OVERDUE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(3 * 60_000),
  /** Where notification emails go out (SMTP); the demo and tests point it at the mail catcher. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:1025'),
  /** SMTP connections a worker keeps open (nodemailer's pool): mails go out over them in parallel. */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** The From of notification emails. */
  MAIL_FROM: z.string().min(3).default('Saraban Flow <no-reply@saraban.local>'),
  /** The LINE Messaging API's address; the demo and tests point it at the local LINE double. */
  LINE_API_BASE_URL: z.url().default('https://api.line.me'),
  /** Notification jobs (fan-out, email, LINE, webhooks) a worker runs at once: they wait on the network. */
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(50),
  /**
   * LINE recipients per batch job and per multicast request (the Messaging API takes at most 500
   * user ids per multicast; a batch of one goes as a push).
   */
  LINE_MULTICAST_SIZE: z.coerce.number().int().min(1).max(500).default(500),
  /** Emails per batch job (each its own message, sent over the SMTP pool's connections). */
  EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /**
   * How often the worker releases deliveries held for office hours that fell due, and re-queues
   * batches whose job was lost (a job scheduler: once per tick across every worker).
   */
  NOTIFICATION_RELEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * A delivery whose send job used up its attempts (a mail server or LINE down for a while) is not
   * given up: it waits NOTIFICATION_RETRY_ROUND_MS, then three times as long after each further
   * round, and the release sweep sends it again. Only after NOTIFICATION_MAX_ATTEMPTS attempts in
   * all (about two hours with the defaults: rounds of 5 attempts after 1, 3, 9, 27 and 81 minutes)
   * is it marked failed.
   */
  NOTIFICATION_RETRY_ROUND_MS: z.coerce.number().int().min(100).default(60_000),
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(30),
  /** Attempts of one webhook delivery before it is logged as failed (backoff doubles from WEBHOOK_BACKOFF_MS). */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(18),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).default(1000),
  /**
   * Internal networks outgoing webhooks may reach nonetheless (comma-separated addresses or CIDR
   * blocks, e.g. "127.0.0.1" for the demo's and the tests' local receivers). Empty by default:
   * a subscription to a loopback, private, link-local or other internal address is refused (SSRF).
   */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .regex(/^[\s\d.:a-fA-F/,]*$/, 'must be comma-separated IP addresses or CIDR blocks')
    .default(''),
  /** When the daily email digest goes out (cron, Bangkok time). */
  NOTIFICATION_DIGEST_CRON: z.string().min(9).default('0 8 * * 1-5'),
  /** Port of the worker's health endpoints (/health/live, /health/ready); 0 turns them off. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Encrypts the organisations' PKCS#12 files at rest (AES-256-GCM); required in production. */
  SIGNING_KEY_SECRET: z.string().min(16).default('saraban-development-only-secret'),
  /**
   * The deployment's operator: the only login of the queue board (/admin/queues), which shows
   * every organisation's jobs. Not a user of any organisation (organisation files cannot create
   * one); set both or neither (neither: the board is closed to everyone). The hash is scrypt, as
   * `npm run operator:password` prints it.
   */
  OPERATOR_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  OPERATOR_PASSWORD_HASH: z
    .string()
    .regex(SCRYPT_HASH, 'must be a scrypt hash as `npm run operator:password` prints it')
    .optional(),
});

export type AppConfig = z.infer<typeof appConfigSchema>;

/** Settings whose local default must not reach production. */
export const PRODUCTION_REQUIRED: readonly (keyof AppConfig)[] = ['SIGNING_KEY_SECRET'];

/** Settings that mean something only together: set all of a group or none. */
export const SET_TOGETHER: readonly (readonly (keyof AppConfig)[])[] = [
  ['OPERATOR_USERNAME', 'OPERATOR_PASSWORD_HASH'],
];
