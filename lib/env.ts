/**
 * Typed configuration: the only module that reads process.env.
 * Parsed lazily so scripts that set variables before importing still see them.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
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
  SYNC_INTERVAL_SECONDS: z.coerce.number().int().positive().default(120),
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(40 * 1024 * 1024),
  MEDIA_MAX_PIXELS: z.coerce.number().int().positive().default(100_000_000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
