import { z } from 'zod';
import { isDuration } from '@conveyor/kernel';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every environment variable Conveyor reads, in one place. Nothing else reads process.env.
 * Unset optional values select the embedded defaults (PGlite, a private redis-server).
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL connection string; unset = embedded PGlite under CONVEYOR_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (tests isolate themselves with it). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('public'),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  /** Redis connection string; unset = a private redis-server started by `conveyor start`. */
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every BullMQ key; tests isolate themselves with it. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('conveyor'),
  CONVEYOR_DATA_DIR: z.string().default('.data'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  /** Where the CLI finds a running API. */
  CONVEYOR_API_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** An API key (or session token) the CLI sends; unset = the session saved by `conveyor login`, then the admin token. */
  CONVEYOR_API_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  WORKER_CONCURRENCY: int(1, 1000).default(16),
  /** Resident memory a worker process should stay under, in MB; unset = 480, or half the machine's memory if less. Sizes the reader pools below. */
  WORKER_MEMORY_BUDGET_MB: int(256, 1_048_576).optional(),
  /** tesseract OCR workers per process; unset = as many as the cores and WORKER_MEMORY_BUDGET_MB allow (at least 1). */
  OCR_WORKERS: int(1, 64).optional(),
  /**
   * The OCR languages a worker loads, comma-separated (eng,deu,fra,nld,spa,ita,pol: the installed ones, see
   * libs/ocr/src/language-data.ts); unset = all of them. Each language beyond the first costs an OCR worker ~17 MB.
   */
  OCR_LANGUAGES: z
    .string()
    .transform((text) => text.split(',').map((code) => code.trim()).filter((code) => code !== ''))
    .pipe(z.array(z.enum(['eng', 'deu', 'fra', 'nld', 'spa', 'ita', 'pol'])).min(1, 'name at least one language').refine((codes) => new Set(codes).size === codes.length, 'a language is named twice'))
    .optional(),
  /** pdf.js reader threads per process (page counts, text layers, rendering); unset = as the cores and the budget allow. */
  PDF_READER_THREADS: int(1, 64).optional(),
  /** Reader threads and OCR workers idle this long are ended, giving their memory back ("0s" = kept for good). */
  READER_IDLE_TIMEOUT: z.string().refine(isDuration, 'a duration such as 30s or 5m (0s keeps them)').default('60s'),
  /** How long a worker's lock on a step job lasts before another worker may take the job over (kill -9). */
  WORKER_LOCK_MS: int(1000, 600_000).default(30_000),
  SHUTDOWN_GRACE_MS: int(0, 600_000).default(25_000),
  /** How often the scheduler looks for due triggers, expired timeouts and undelivered jobs. */
  SCHEDULER_TICK_MS: int(50, 60_000).default(1000),
  /** Missed cron firings replayed after downtime, per trigger, at most. */
  SCHEDULER_MAX_CATCH_UP: int(0, 10_000).default(100),
  DEFAULT_STEP_TIMEOUT: z.string().default('15m'),
  /** The `http` step refuses loopback and private addresses unless this is true. */
  HTTP_STEP_ALLOW_PRIVATE: bool.default(false),
  HTTP_STEP_MAX_RESPONSE_BYTES: int(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Admin token for machine access until people and API keys arrive (issue 3); unset = open in development only. */
  CONVEYOR_ADMIN_TOKEN: z.string().min(16).optional(),
  /** How long a sign-in session lasts (a duration: 30m, 12h, 7d). */
  SESSION_LIFETIME: z.string().refine(isDuration, 'a duration such as 30m, 12h or 7d').default('12h'),
  /** Wrong passwords in a row before sign-in is locked for LOGIN_LOCKOUT. */
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_LOCKOUT: z.string().refine(isDuration, 'a duration such as 15m').default('15m'),
  /** With NODE_ENV=development and no users yet: create one demo user per role (logged at start). */
  CONVEYOR_DEV_SEED: bool.default(true),
  /** Argon2id cost: memory per hash in KiB and passes. Lower only in tests (production warns below 19456 and 2). */
  PASSWORD_HASH_MEMORY_KIB: int(8, 4 * 1024 * 1024).default(19_456),
  PASSWORD_HASH_TIME_COST: int(1, 100).default(2),
  /** Outgoing mail relay: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://...:465; unset = mail is only logged. */
  SMTP_URL: z.string().url().refine((url) => /^smtps?:\/\//i.test(url), 'an smtp:// or smtps:// URL').optional(),
  /** The sender of every mail ("Name <address>" or an address). */
  SMTP_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'an address, or a name and an address: Conveyor <conveyor@example.com>')
    .default('Conveyor <conveyor@localhost>'),
  /** With smtp://: refuse to send unless the server upgrades the connection with STARTTLS. */
  SMTP_REQUIRE_TLS: bool.default(false),
  /** Accept a relay's self-signed or otherwise unverifiable certificate (internal relays only). */
  SMTP_TLS_ALLOW_SELF_SIGNED: bool.default(false),
  /** How long to wait for the relay to connect, greet and answer before the send counts as unavailable. */
  SMTP_TIMEOUT_MS: int(100, 600_000).default(15_000),
  /** The portal's base URL: action links in mails point under it. */
  PORTAL_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Key of the HMAC that signs action links; required in production (unset in development = random per process). */
  LINK_SIGNING_SECRET: z.string().min(32).optional(),
  /** How long an action link in a mail stays valid (a duration: 3d, 12h). */
  ACTION_LINK_LIFETIME: z.string().refine(isDuration, 'a duration such as 3d or 12h').default('3d'),
  /** Largest uploaded document in bytes; a larger upload is refused while it streams in (413). */
  DOCUMENT_MAX_BYTES: int(1, 2 * 1024 * 1024 * 1024).default(25 * 1024 * 1024),
  /** Most pages a PDF may have; a longer one is kept with status rejected. */
  DOCUMENT_MAX_PAGES: int(1, 100_000).default(200),
  /** Most files in one upload request. */
  DOCUMENT_MAX_FILES_PER_UPLOAD: int(1, 1000).default(20),
  /** Most pixels (width x height) an image may have; a larger one is kept with status rejected. */
  DOCUMENT_MAX_IMAGE_PIXELS: int(1, 2_000_000_000).default(100_000_000),
  /** Where document bytes live: 'local' = content-addressed files under CONVEYOR_DATA_DIR/documents; 's3' = an S3-compatible bucket. */
  DOCUMENT_STORAGE: z.enum(['local', 's3']).default('local'),
  /** S3-compatible storage (AWS S3, MinIO, Ceph, R2...): the bucket is required when DOCUMENT_STORAGE=s3. */
  DOCUMENT_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  /** Key prefix inside the bucket, e.g. "conveyor/documents". */
  DOCUMENT_S3_PREFIX: z.string().regex(/^[A-Za-z0-9!_.*'()/-]*$/, 'letters, digits and / - _ . only').default('documents'),
  /** Endpoint of a non-AWS service (e.g. http://minio:9000); unset = AWS. */
  DOCUMENT_S3_ENDPOINT: z.string().url().optional(),
  DOCUMENT_S3_REGION: z.string().default('us-east-1'),
  /** Path-style URLs (bucket in the path), which most self-hosted services need. */
  DOCUMENT_S3_FORCE_PATH_STYLE: bool.default(false),
  /** Static credentials; unset = the AWS SDK's default chain (environment, instance role...). */
  DOCUMENT_S3_ACCESS_KEY_ID: z.string().optional(),
  DOCUMENT_S3_SECRET_ACCESS_KEY: z.string().optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
