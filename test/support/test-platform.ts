/**
 * Starts the whole platform in this process for end-to-end tests: simulator mode (the local
 * Graph API double), HTTP on a free port, real workers, on each available database: embedded
 * PGlite in a temporary data folder, and PostgreSQL in a fresh schema when TEST_DATABASE_URL
 * (or DATABASE_URL) is set. Citizens talk to it through the simulator backend, which signs and
 * posts webhooks exactly as Meta does.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readConfig } from '../../src/app/config.ts';
import { createLogger } from '../../src/app/logger.ts';
import { startPlatform, type Platform } from '../../src/app/start-platform.ts';
import type { SimulatedInput } from '../../src/channels/simulator/index.ts';

/** A database to run the platform on. */
export interface PlatformDriver {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  schema?: string;
  cleanup(): Promise<void>;
}

/** The PostgreSQL URL for tests, when one is configured. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** The drivers available here: PGlite always, PostgreSQL when configured. */
export function platformDrivers(): { name: 'pglite' | 'postgres'; create(): Promise<PlatformDriver> }[] {
  const drivers: { name: 'pglite' | 'postgres'; create(): Promise<PlatformDriver> }[] = [
    {
      name: 'pglite',
      async create() {
        const dir = mkdtempSync(join(tmpdir(), 'mitra-test-'));
        return { name: 'pglite', env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
  ];
  if (TEST_PG_URL) {
    drivers.push({
      name: 'postgres',
      async create() {
        const dir = mkdtempSync(join(tmpdir(), 'mitra-test-'));
        const schema = `e_${process.pid}_${randomBytes(4).toString('hex')}`;
        return {
          name: 'postgres', schema, env: { DATA_DIR: dir, DATABASE_URL: TEST_PG_URL! },
          async cleanup() {
            const c = new pg.Client({ connectionString: TEST_PG_URL });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await c.end();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    });
  }
  return drivers;
}

/** A running test platform with a citizen-side driver. */
export interface TestPlatform extends Platform {
  driver: PlatformDriver;
  /** Sends `input` as citizen `waId` and resolves with the replies that arrive for it. */
  say(waId: string, input: SimulatedInput | string, opts?: { replies?: number; timeoutMs?: number }): Promise<Record<string, any>[]>;
  stop(): Promise<void>;
}

/** Starts the platform on `driver`; `env` adds configuration (e.g. IDLE_TIMEOUT_MINUTES). */
export async function startTestPlatform(driver: PlatformDriver, env: Record<string, string> = {}, clock?: () => Date): Promise<TestPlatform> {
  const catalogDir = process.env.CATALOG_DIR ? { CATALOG_DIR: process.env.CATALOG_DIR } : {};
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...catalogDir, ...driver.env, ...env });
  const platform = await startPlatform(config, {
    roles: ['http', 'workers'], banner: false, logger: createLogger('silent'), schema: driver.schema, pollMs: 20, slaPollMs: 200, clock,
  });
  const double = platform.double!;
  async function say(waId: string, input: SimulatedInput | string, opts: { replies?: number; timeoutMs?: number } = {}) {
    const want = opts.replies ?? 1;
    const got: Record<string, any>[] = [];
    const digits = (s: string) => s.replace(/\D/g, '');
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`expected ${want} replies to ${JSON.stringify(input)}, got ${got.length}: ${JSON.stringify(got).slice(0, 800)}`)); }, opts.timeoutMs ?? 10_000);
      const off = double.on('message', (rec) => {
        if (digits(rec.to) !== digits(waId)) return;
        got.push(rec.body);
        if (got.length >= want) { clearTimeout(timer); off(); resolve(); }
      });
    });
    const sim: SimulatedInput = typeof input === 'string' ? { type: 'text', text: input } : input;
    const sent = await platform.simulator!.send(waId, 'Test Citizen', sim);
    if (sent.status !== 200) throw new Error(`webhook answered ${sent.status}`);
    if (want === 0) return got;
    await done;
    return got;
  }
  return {
    ...platform, driver, say,
    async stop() {
      await platform.close();
      await driver.cleanup();
    },
  };
}

/** The text a citizen reads in a Graph API body: body text, or caption, or template name. */
export function bodyText(body: Record<string, any>): string {
  if (body.type === 'text') return body.text.body;
  if (body.type === 'interactive') return body.interactive.body?.text ?? '';
  if (body.type === 'document') return body.document.caption ?? body.document.filename;
  return JSON.stringify(body);
}

/** The reply ids offered in a Graph API body (buttons or list rows). */
export function choices(body: Record<string, any>): { id: string; title: string }[] {
  if (body.type !== 'interactive') return [];
  const i = body.interactive;
  if (i.type === 'button') return i.action.buttons.map((b: any) => b.reply);
  if (i.type === 'list') return i.action.sections.flatMap((s: any) => s.rows);
  return [];
}
