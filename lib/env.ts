/**
 * Typed configuration: the only module that reads process.env.
 * Parsed lazily so scripts that set variables before importing still see them.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  /** The owner role that runs migrations and grants; DATABASE_URL is then the app's own, weaker role. */
  DATABASE_OWNER_URL: z.string().url().optional(),
  /** Signed audit checkpoints: how often, and where else to send them (a file to append to, a webhook). */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().positive().default(60),
  AUDIT_CHECKPOINT_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_WEBHOOK_URL: z.string().url().optional(),
  /** Root for embedded Postgres, the generated key and local storage. */
  DATA_DIR: z.string().default(path.join(process.cwd(), '.data')),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  /** Secret for token encryption and session signing. If unset, one is generated into DATA_DIR (mode 0600). */
  APP_SECRET: z.string().min(32).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Public URL of the dashboard (next-auth callbacks, webhook URLs shown to admins). */
  APP_URL: z.string().url().optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().optional(),
  /** STORAGE_DRIVER=s3: bucket, region, optional endpoint (MinIO, any S3) and path-style addressing. */
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Unset: the AWS default chain (instance role, AWS_* variables, shared config). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Server-side encryption on top of the app's own; 'none' only for servers without a KMS (plain MinIO). */
  S3_SSE: z.enum(['AES256', 'aws:kms', 'none']).default('AES256'),
  S3_SSE_KMS_KEY_ID: z.string().min(1).optional(),
  S3_PREFIX: z.string().regex(/^([a-z0-9_-]+\/)*$/, 'lowercase folders ending in /').default(''),
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().positive().default(120),
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(40 * 1024 * 1024),
  MEDIA_MAX_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  /** Decoded pixels the media pipeline may hold at once, process-wide (lib/media/memory-budget.ts). */
  MEDIA_MEMORY_BUDGET_MB: z.coerce.number().int().positive().default(512),
  /** Outbox (actions, media fetches): claim lease, re-check interval, attempts before 'failed', capped backoff. */
  OUTBOX_LEASE_SECONDS: z.coerce.number().positive().default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(5_000),
  ACTION_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  MEDIA_MAX_ATTEMPTS: z.coerce.number().int().positive().default(4),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(10_000),
  OUTBOX_BACKOFF_CAP_MS: z.coerce.number().int().positive().default(5 * 60_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Reverse proxies (comma-separated IPs or CIDRs) whose X-Forwarded-For/-Host/-Proto and X-Real-IP count. Empty:
   * those headers are ignored. Set it only when the app is reachable through the proxy alone (see README).
   */
  TRUSTED_PROXIES: z.string().default(''),
  /** Set by scripts/web-server.ts for its own process only: the peer header it writes may then be believed. */
  WEB_SERVER_PEER_HEADER: z.enum(['0', '1']).default('0'),
  /** `cli instances add`: the instance token, so it never appears in the process list (see lib/cli/instance-token.ts). */
  FEDIMOD_INSTANCE_TOKEN: z.string().optional(),
  /** Worker in the web process (default for `npm start`); set to false when running a separate worker. */
  RUN_WORKER_IN_WEB: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests and scripts that change variables after first use. */
export function resetEnvCache(): void {
  cached = null;
}

/**
 * The one writer of process.env besides the shell: entry points that decide a setting for this process and its
 * children (the database URLs after prepareDatabase, the web server's peer-header flag) set it here, and the
 * typed view is read again.
 */
export function setProcessEnv(vars: Record<string, string>): void {
  for (const [k, v] of Object.entries(vars)) process.env[k] = v;
  cached = null;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

export function appUrl(): string {
  const e = env();
  return e.APP_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
}

/** The environment handed to child processes (next build/start, the worker), plus overrides. */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
