/**
 * The operator's configuration, read from the environment once at start and validated. A bad
 * or incomplete configuration fails with ONE clear line naming the variable.
 *
 * Two channel modes:
 * - live: all of WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN and
 *   WHATSAPP_PHONE_NUMBER_ID are set; Mitra talks to Meta's Graph API (or WHATSAPP_GRAPH_URL).
 * - simulator: none of them is set; Mitra starts a local Graph API double and the web simulator.
 *   Secrets for the local webhook are generated on first start into DATA_DIR.
 */
import { z } from 'zod';

/** Thrown for a bad configuration; the message is the single line shown to the operator. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const WHATSAPP_REQUIRED = [
  'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID',
] as const;

const intFrom = (name: string, def: number, min: number, max: number) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined || v === '') return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got '${v}')` });
      return z.NEVER;
    }
    return n;
  });

const urlFrom = (name: string) =>
  z.string().optional().refine((v) => v === undefined || v === '' || URL.canParse(v), {
    message: `${name} must be a full URL such as https://example.org`,
  });

const envSchema = z.object({
  PORT: intFrom('PORT', 3000, 0, 65535),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().optional().refine((v) => !v || /^postgres(ql)?:\/\//.test(v), {
    message: 'DATABASE_URL must start with postgres:// or postgresql://',
  }),
  DB_POOL_SIZE: intFrom('DB_POOL_SIZE', 10, 1, 200),
  PUBLIC_BASE_URL: urlFrom('PUBLIC_BASE_URL'),
  CATALOG_DIR: z.string().optional(),
  IDLE_TIMEOUT_MINUTES: intFrom('IDLE_TIMEOUT_MINUTES', 30, 1, 7 * 24 * 60),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  OUTBOX_CONCURRENCY: intFrom('OUTBOX_CONCURRENCY', 64, 1, 1000),
  // Reliability knobs: how long one Graph API call may take, how long a claimed outbound row
  // stays ours, and how long after that we wait for a status webhook before sending again.
  // Tests shorten them so outages and crash recovery run in seconds.
  WHATSAPP_TIMEOUT_MS: intFrom('WHATSAPP_TIMEOUT_MS', 15_000, 100, 600_000),
  OUTBOX_LEASE_MS: intFrom('OUTBOX_LEASE_MS', 60_000, 100, 3_600_000),
  OUTBOX_RECLAIM_GRACE_MS: intFrom('OUTBOX_RECLAIM_GRACE_MS', 15_000, 0, 3_600_000),
  WHATSAPP_READ_RECEIPTS: z.enum(['true', 'false']).optional(),
  LOG_WITNESSES: z.string().optional(),
  // The back office (issue #4).
  OFFICER_SESSION_HOURS: intFrom('OFFICER_SESSION_HOURS', 8, 1, 72),
  SLA_CHECK_SECONDS: intFrom('SLA_CHECK_SECONDS', 60, 1, 3600),
  DEMO_OFFICERS: z.enum(['true', 'false']).optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional().refine((v) => !v || /^\d{5,20}$/.test(v), {
    message: 'WHATSAPP_PHONE_NUMBER_ID must be the numeric id from WhatsApp Manager',
  }),
  WHATSAPP_GRAPH_URL: urlFrom('WHATSAPP_GRAPH_URL'),
  WHATSAPP_API_VERSION: z.string().optional().refine((v) => !v || /^v\d+\.\d+$/.test(v), {
    message: "WHATSAPP_API_VERSION must look like 'v24.0'",
  }),
});

/** The validated configuration. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  publicBaseUrl: string;
  catalogDir: string;
  idleTimeoutMinutes: number;
  logLevel: string;
  outboxConcurrency: number;
  /** Timeout of one Graph API request (WHATSAPP_TIMEOUT_MS). */
  whatsappTimeoutMs: number;
  /** How long a claimed outbound row stays with the process that claimed it (OUTBOX_LEASE_MS). */
  outboxLeaseMs: number;
  /** Wait after an expired lease before a row is sent again (OUTBOX_RECLAIM_GRACE_MS). */
  outboxReclaimGraceMs: number;
  /** Mark citizens' messages read with a typing indicator (WHATSAPP_READ_RECEIPTS, default true). */
  readReceipts: boolean;
  /** Witnesses the log asks to cosign checkpoints: `<verifier key>@<url>`, comma-separated. */
  logWitnesses: string | undefined;
  /** How long an officer's session lasts (OFFICER_SESSION_HOURS, default 8: a working day). */
  officerSessionHours: number;
  /** How often the SLA job looks for breaches (SLA_CHECK_SECONDS, default 60). */
  slaCheckSeconds: number;
  /**
   * Create demo officer accounts on first start (DEMO_OFFICERS): default true in simulator
   * mode, false with a live WhatsApp number (demo accounts have no place in production).
   */
  demoOfficers: boolean;
  whatsapp:
    | { mode: 'live'; appSecret: string; verifyToken: string; accessToken: string; phoneNumberId: string; graphUrl: string; apiVersion: string }
    | { mode: 'simulator'; apiVersion: string };
}

/** Reads and validates `env`. Throws {@link ConfigError} with one line on the first problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'configuration');
    throw new ConfigError(issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const present = WHATSAPP_REQUIRED.filter((k) => e[k]);
  if (present.length > 0 && present.length < WHATSAPP_REQUIRED.length) {
    const missing = WHATSAPP_REQUIRED.filter((k) => !e[k]);
    throw new ConfigError(`WhatsApp is half configured: set ${missing.join(', ')} too, or unset all WHATSAPP_* variables to use the simulator`);
  }
  const port = e.PORT;
  const apiVersion = e.WHATSAPP_API_VERSION || 'v24.0';
  return {
    port,
    host: e.HOST || '0.0.0.0',
    dataDir: e.DATA_DIR || './data',
    databaseUrl: e.DATABASE_URL || undefined,
    dbPoolSize: e.DB_POOL_SIZE,
    publicBaseUrl: (e.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    catalogDir: e.CATALOG_DIR || new URL('../../catalog', import.meta.url).pathname,
    idleTimeoutMinutes: e.IDLE_TIMEOUT_MINUTES,
    logLevel: e.LOG_LEVEL || 'info',
    outboxConcurrency: e.OUTBOX_CONCURRENCY,
    whatsappTimeoutMs: e.WHATSAPP_TIMEOUT_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    outboxReclaimGraceMs: e.OUTBOX_RECLAIM_GRACE_MS,
    readReceipts: e.WHATSAPP_READ_RECEIPTS !== 'false',
    logWitnesses: e.LOG_WITNESSES || undefined,
    officerSessionHours: e.OFFICER_SESSION_HOURS,
    slaCheckSeconds: e.SLA_CHECK_SECONDS,
    demoOfficers: e.DEMO_OFFICERS ? e.DEMO_OFFICERS === 'true' : present.length === 0,
    whatsapp: present.length === WHATSAPP_REQUIRED.length
      ? {
          mode: 'live',
          appSecret: e.WHATSAPP_APP_SECRET!,
          verifyToken: e.WHATSAPP_VERIFY_TOKEN!,
          accessToken: e.WHATSAPP_ACCESS_TOKEN!,
          phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID!,
          graphUrl: (e.WHATSAPP_GRAPH_URL || 'https://graph.facebook.com').replace(/\/+$/, ''),
          apiVersion,
        }
      : { mode: 'simulator', apiVersion },
  };
}
