/**
 * The composition root: reads nothing itself but the validated {@link Config}, opens the
 * database, loads the catalog, wires the engine, the WhatsApp channel, the workers and the HTTP
 * server, and prints the start-up banner. Tests start the whole platform through this too.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { turn, idleDeadline, type Session } from '../engine/index.ts';
import type { InboundMessage } from '../engine/inbound.ts';
import type { CitizenFacts } from '../engine/ports.ts';
import type { CatalogStore } from '../catalog/index.ts';
import { createGraphClient, type GraphClient } from '../channels/whatsapp/index.ts';
import { createGraphDouble, type GraphDouble } from '../channels/graph-double/index.ts';
import { createSimulatorBackend, registerSimulatorRoutes, type SimulatorBackend } from '../channels/simulator/index.ts';
import { acquireDataDirLock, createIngestBatcher, createStore, migrate, openDatabase, type Db, type Store } from '../storage/index.ts';
import { registerWhatsappWebhookRoutes } from '../http/whatsapp-webhook-routes.ts';
import { registerOpsRoutes } from '../http/ops-routes.ts';
import { registerHomeRoutes } from '../http/home-routes.ts';
import { registerCatalogRoutes } from '../http/catalog-routes.ts';
import { openCatalogSync } from './catalog-sync.ts';
import { registerLogRoutes } from '../http/log-routes.ts';
import { registerReceiptRoutes } from '../http/receipt-routes.ts';
import { createLogPublisher, loadOrCreateLogKey, logOriginFor, parseWitnessList, createLogProver, type WitnessEndpoint } from './transparency-log.ts';
import { createInboundProcessor } from './workers/inbound-processor.ts';
import { createOutboxSender } from './workers/outbox-sender.ts';
import { createIdleSweeper } from './workers/idle-sweeper.ts';
import { ConfigError, type Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { loadOrCreateAdminToken, loadOrCreateLocalSecrets } from './local-secrets.ts';
import { createWhatsappDelivery } from './deliver-outbound.ts';
import { createMediaResolver } from './resolve-inbound-media.ts';
import { createBackOffice, type BackOffice } from './back-office/create-back-office.ts';
import { createOfficerAuth, type OfficerAuth } from './back-office/officer-auth.ts';
import { seedDemoOfficers, type DemoOfficer } from './back-office/seed-demo-officers.ts';
import { createSlaJob, type SlaJob } from './workers/sla-job.ts';
import { registerOfficerRoutes } from '../http/officer-routes.ts';
import { registerConsoleRoutes } from '../http/console-routes.ts';
import { registerDocsRoutes } from '../http/docs-routes.ts';

/** Inbound processor loops per process. */
const INBOUND_PROCESSORS = 2;

/** The package version, shown in /healthz and the banner. */
export const VERSION = '0.1.0';

/** Which parts of the platform this process runs. */
export type Role = 'http' | 'workers';

/** Options of {@link startPlatform}. */
export interface StartOptions {
  roles: Role[];
  logger?: Logger;
  /** Print the banner (default true). */
  banner?: boolean;
  /** Database schema (tests isolate runs by schema on a shared PostgreSQL). */
  schema?: string;
  /** Replaces the clock and id source of engine turns (tests). */
  clock?: () => Date;
  /** Worker poll interval in ms (tests shorten it). */
  pollMs?: number;
  /** Register signal handlers that close the platform (default true for the CLI). */
  handleSignals?: boolean;
  /** How often to look for catalog publications by other processes (ms; tests shorten it). */
  catalogPollMs?: number;
  /** How often the SLA job looks for breaches (ms; default SLA_CHECK_SECONDS; tests shorten it). */
  slaPollMs?: number;
}

/** A running platform. */
export interface Platform {
  /** The HTTP origin, e.g. http://127.0.0.1:3000 (when the http role runs). */
  url: string;
  db: Db;
  store: Store;
  catalog: CatalogStore;
  /** The local Graph API double, in simulator mode. */
  double?: GraphDouble;
  graph: GraphClient;
  /** The simulator backend (simulator mode with the http role). */
  simulator?: SimulatorBackend;
  /** The back office: inbox, decisions, replies, the SLA job's rounds (issue #4). */
  backOffice: BackOffice;
  /** Officer sign-in. */
  officerAuth: OfficerAuth;
  /** The SLA job (workers role). */
  slaJob?: SlaJob;
  /** Demo officer accounts printed in the banner (simulator mode, first start). */
  demoOfficers: DemoOfficer[];
  appSecret: string;
  phoneNumberId: string;
  http?: FastifyInstance;
  close(): Promise<void>;
}

/** Starts the platform with `config`; resolves once it accepts requests. */
export async function startPlatform(config: Config, options: StartOptions): Promise<Platform> {
  const log = options.logger ?? createLogger(config.logLevel);
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch((err) => log.error({ err }, 'shutdown step failed'));
  };
  try {
    return await start(config, options, log, cleanups, close);
  } catch (err) {
    await close();
    throw err;
  }
}

async function start(config: Config, options: StartOptions, log: Logger, cleanups: (() => Promise<void>)[], close: () => Promise<void>): Promise<Platform> {
  const dataDir = resolve(config.dataDir);
  const onPglite = !config.databaseUrl;
  if (onPglite) {
    // PGlite does not lock its folder; two processes would corrupt it (platform-notes §1).
    const lock = await acquireDataDirLock(dataDir);
    cleanups.push(() => lock.release());
  }
  const db = await openDatabase({ url: config.databaseUrl, dataDir: onPglite ? join(dataDir, 'pglite') : undefined, schema: options.schema, poolSize: config.dbPoolSize });
  cleanups.push(() => db.close());
  await migrate(db);
  const store = createStore(db);

  const catalogSync = await openCatalogSync(db, config.catalogDir, log, options.catalogPollMs);
  const catalog = catalogSync.store;
  catalogSync.start();
  cleanups.push(() => catalogSync.stop());
  const adminToken = await loadOrCreateAdminToken(dataDir);
  const logOrigin = logOriginFor(config.publicBaseUrl);
  const logKey = await loadOrCreateLogKey(dataDir, logOrigin);
  let witnesses: WitnessEndpoint[];
  try {
    witnesses = parseWitnessList(config.logWitnesses);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }

  const wa = config.whatsapp.mode === 'live'
    ? { ...config.whatsapp, displayPhoneNumber: undefined as string | undefined }
    : { ...(await loadOrCreateLocalSecrets(dataDir)), graphUrl: '', apiVersion: config.whatsapp.apiVersion };

  let double: GraphDouble | undefined;
  if (config.whatsapp.mode === 'simulator') {
    double = createGraphDouble({ accessToken: wa.accessToken, phoneNumberId: wa.phoneNumberId, appSecret: wa.appSecret, displayPhoneNumber: wa.displayPhoneNumber });
    wa.graphUrl = await double.listen(0, '127.0.0.1');
    cleanups.push(() => double!.close());
  }
  const graph = createGraphClient({ graphUrl: wa.graphUrl, apiVersion: wa.apiVersion, accessToken: wa.accessToken, phoneNumberId: wa.phoneNumberId, timeoutMs: config.whatsappTimeoutMs });

  const settings = { idleTimeoutMinutes: config.idleTimeoutMinutes, publicBaseUrl: config.publicBaseUrl };
  const clock = options.clock ?? (() => new Date());
  const engineTurn = (session: unknown, message: InboundMessage, facts: CitizenFacts) =>
    turn(session as Session | undefined, message, {
      now: clock(), newId: () => randomBytes(8).toString('hex'), catalog: catalog.current(), citizen: facts, settings,
    });

  // The back office (issue #4): decisions and replies queue messages for the outbox sender.
  let wakeSender: () => void = () => undefined;
  const backOffice = createBackOffice({ db, catalog, clock, log, onQueued: () => wakeSender(), getDocument: (id) => store.getDocument(id) });
  const officerAuth = createOfficerAuth({ db, clock, sessionMs: config.officerSessionHours * 60 * 60 * 1000 });
  const demoOfficers = config.demoOfficers ? await seedDemoOfficers(db, dataDir) : [];

  let processor: { wake(): void; start(): void; stop(): Promise<void> } | undefined;
  let slaJob: SlaJob | undefined;
  if (options.roles.includes('workers')) {
    const sender = createOutboxSender({ db, send: createWhatsappDelivery(graph, store, clock), concurrency: config.outboxConcurrency, log, pollMs: options.pollMs,
      leaseMs: config.outboxLeaseMs, reclaimGraceMs: config.outboxReclaimGraceMs,
    });
    // Two processors per process: while one waits on the database the other runs turns. The
    // advisory lock per citizen keeps them (and other processes) from overlapping.
    const processors = Array.from({ length: INBOUND_PROCESSORS }, () => createInboundProcessor({
      db, turn: engineTurn, resolveMedia: createMediaResolver(graph, store),
      idleDeadline: (s: unknown) => idleDeadline(s as Session, settings), log, pollMs: options.pollMs,
      onOutbound: () => sender.wake(), backOffice,
    }));
    wakeSender = () => sender.wake();
    processor = { wake: () => processors.forEach((p) => p.wake()), start: () => processors.forEach((p) => p.start()), stop: async () => { await Promise.all(processors.map((p) => p.stop())); } };
    const sweeper = createIdleSweeper({ db, log, pollMs: options.pollMs, now: clock, onQueued: () => processor?.wake() });
    const publisher = createLogPublisher({ db, key: logKey, origin: logOrigin, witnesses, log });
    publisher.start();
    cleanups.push(() => publisher.stop());
    processor.start();
    sender.start();
    sweeper.start();
    cleanups.push(() => sweeper.stop());
    const job = slaJob = createSlaJob({ runOnce: () => backOffice.runSlaOnce(), pollMs: options.slaPollMs ?? config.slaCheckSeconds * 1000, log });
    job.start();
    cleanups.push(() => job.stop());
    cleanups.push(() => sender.stop());
    cleanups.push(() => processor!.stop());
  }

  let url = '';
  let http: FastifyInstance | undefined;
  let simulator: SimulatorBackend | undefined;
  if (options.roles.includes('http')) {
    http = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
    await registerWhatsappWebhookRoutes(http, {
      store: createIngestBatcher(store), appSecret: wa.appSecret, verifyToken: wa.verifyToken, onAccepted: () => processor?.wake(),
      // Blue ticks and "typing…" while the turn runs (best effort: a lost receipt harms no one).
      onStored: !config.readReceipts ? undefined : (messages) => {
        const latest = new Map<string, string>();
        for (const m of messages) if (m.content.type !== 'reaction') latest.set(m.from, m.id);
        for (const id of latest.values()) void graph.markRead(id, { typing: true }).catch(() => undefined);
      },
    });
    registerOpsRoutes(http, {
      version: VERSION,
      databaseReady: async () => (await store.health()).ok,
      queueDepths: async () => { const c = await store.counts(); return { inbox: c.inboxPending, outbox: c.outboxQueued + c.outboxSending }; },
    });
    registerHomeRoutes(http, { simulator: Boolean(double) });
    registerCatalogRoutes(http, { catalog, adminToken, publish: () => catalogSync.publishFolder('admin API') });
    const prover = createLogProver(db);
    registerLogRoutes(http, { db, verifierKey: logKey.verifierKey(), prove: (subject) => prover.prove(subject) });
    registerReceiptRoutes(http, { db, origin: logOrigin, logVerifier: logKey.verifier(), witnesses: witnesses.map((w) => w.verifier), prove: (subject) => prover.prove(subject) });
    registerOfficerRoutes(http, {
      api: {
        login: (u, pw, kind) => officerAuth.login(u, pw, kind),
        authenticate: (token) => officerAuth.authenticate(token),
        logout: (token) => officerAuth.logout(token),
        inbox: (officer, request) => backOffice.inbox(officer, request),
        application: (officer, id, lang) => backOffice.application(officer, id, lang),
        decide: (officer, id, request, lang) => backOffice.decide(officer, id, request, lang),
        document: (officer, id) => backOffice.document(officer, id),
      },
      secureCookie: config.publicBaseUrl.startsWith('https:'),
      sessionSeconds: config.officerSessionHours * 60 * 60,
      districtName: (id) => backOffice.districtName(id),
    });
    registerConsoleRoutes(http);
    registerDocsRoutes(http);
    // Routes must all be registered before listen; the simulator learns the port afterwards.
    const webhookUrl = () => `${url}/webhooks/whatsapp`;
    if (double) {
      const backend = simulator = createSimulatorBackend({ double, webhookUrl, appSecret: wa.appSecret, phoneNumberId: wa.phoneNumberId, displayPhoneNumber: wa.displayPhoneNumber ?? '919490000000' });
      cleanups.push(async () => backend.close());
      await registerSimulatorRoutes(http, backend);
    }
    await http.listen({ port: config.port, host: config.host });
    cleanups.push(() => http!.close());
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://127.0.0.1:${port}`;
    double?.setWebhookUrl(webhookUrl());
  }

  if (options.banner !== false) printBanner(config, { url, onPglite, dataDir, simulator: Boolean(double), roles: options.roles, demoOfficers });
  if (options.handleSignals) {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return { url, db, store, catalog, double, graph, simulator, appSecret: wa.appSecret, phoneNumberId: wa.phoneNumberId, http, close, backOffice, officerAuth, slaJob, demoOfficers };
}

function printBanner(config: Config, s: { url: string; onPglite: boolean; dataDir: string; simulator: boolean; roles: Role[]; demoOfficers: DemoOfficer[] }): void {
  // With PORT=0 the system chose the port; show the real one.
  const origin = s.url ? (config.port === 0 ? s.url : config.publicBaseUrl) : '';
  const lines = [
    '',
    `  Mitra ${VERSION} is running (${s.roles.join(' + ')})`,
    `  database   ${s.onPglite ? `embedded PostgreSQL (PGlite) in ${s.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  WhatsApp   ${s.simulator ? 'simulator mode: no WhatsApp account needed' : `live, Graph API ${config.whatsapp.mode === 'live' ? config.whatsapp.graphUrl : ''}`}`,
  ];
  if (origin) {
    if (s.simulator) lines.push(`  simulator  ${origin}/simulator   (chat with Mitra as a citizen)`);
    lines.push(`  console    ${origin}/console     (officers decide applications; English and Telugu)`);
    lines.push(`  API docs   ${origin}/docs        (officer API, OpenAPI at /docs/openapi.json)`);
    lines.push(`  webhook    ${origin}/webhooks/whatsapp`);
    lines.push(`  health     ${origin}/healthz  ${origin}/readyz  ${origin}/metrics`);
    lines.push(`  listening  ${s.url}`);
  }
  if (s.demoOfficers.length > 0) {
    const width = Math.max(...s.demoOfficers.map((o) => o.username.length));
    lines.push('', `  Demo officer accounts (passwords generated into ${join(s.dataDir, 'demo-officers.json')}):`);
    for (const o of s.demoOfficers) lines.push(`    ${o.username.padEnd(width)}  ${o.password}   ${o.label}`);
    lines.push('  Apply for an income certificate in the simulator (district NTR, mandal Vijayawada) to see it in their inbox.');
  }
  lines.push('');
  console.log(lines.join('\n'));
}
