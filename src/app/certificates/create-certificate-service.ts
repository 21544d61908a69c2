/**
 * Certificates at run time (issue #5): issuing the certificate of an approved application,
 * delivering its PDF on WhatsApp once the transparency log holds it, re-sending it, revoking
 * it, and answering verifiers.
 *
 * Issuance is a queue (certificate_requests) filled in the approval's own transaction. The
 * issuer claims requests with SKIP LOCKED (any number of processes), builds the certificate
 * document from the answers and the catalog's layout, renders the page body, signs the
 * payload that commits to it, and stores the certificate with its `certificate_issued` log
 * entry in one transaction. The deliverer waits until the entry is in a signed checkpoint,
 * assembles the PDF with the inclusion proof embedded, stores it as the citizen's document
 * and queues the WhatsApp message. Both are idempotent: a crash anywhere repeats a step,
 * never doubles one.
 */
import { createHash } from 'node:crypto';
import type { CatalogStore } from '../../catalog/index.ts';
import type { CertificateDocument } from '../../certificates/certificate-document.ts';
import { bundleLog, encodeBundle, issuedRecord } from '../../certificates/verification-bundle.ts';
import { isLang, type Lang } from '../../lib/languages.ts';
import { say } from '../../engine/index.ts';
import type { Db, Queryable } from '../../storage/db.ts';
import {
  applicationById, citizenLang, insertActions, queueMessages, type BackOfficeApplication, type QueuedMessage,
} from '../../storage/back-office-store.ts';
import {
  certificateByNumber, certificateOfApplication, claimCertificateRequests, claimUndeliveredCertificates, deleteCertificateRequest,
  failCertificateRequest, insertCertificates, reserveCertificateNumbers, revokeCertificate, storeCertificatePdf,
  type CertificateRecord, type CertificateRequest, type NewCertificate,
} from '../../storage/certificate-store.ts';
import { enqueueLogEntries, logOpening, readEntries, type LogRecord } from '../../storage/log-store.ts';
import { officerById, type OfficerRecord } from '../../storage/officer-store.ts';
import { canAct, MAX_REASON_LENGTH } from '../../workflow/index.ts';

/** Requests issued per transaction. */
export const ISSUE_BATCH = 50;
/** Certificates delivered per round. */
export const DELIVER_BATCH = 20;
/** A failed issuance is tried again after this long (a broken layout is fixed by publishing the catalog). */
export const ISSUE_RETRY_MS = 60_000;
/**
 * How long delivery waits for the log to include a certificate before sending it without the
 * inclusion proof (the signature alone still proves it; "my documents" later carries the proof).
 */
export const LOG_WAIT_MS = 30_000;
/** Shortest revocation reason: the citizen and every verifier read it. */
export const MIN_REVOKE_REASON = 5;

/** The parts of issuance that live in src/certificates, as one port (tests and the bench reuse it). */
export interface CertificateToolkit {
  /** The layout's number prefix for `type` (e.g. `INC`), or undefined when the catalog has no layout. */
  prefixOf(type: string): string | undefined;
  /** The document for an approved application. Throws with a clear message when the layout does not fit. */
  build(input: { application: BackOfficeApplication; type: string; number: string; issuedOn: string; officer: OfficerRecord | undefined }): CertificateDocument;
  /** Renders the page body; `sha256` is what the signature commits to. */
  renderBody(doc: CertificateDocument): { sha256: string; handle: unknown };
  /** Signs `doc` with the current key: the QR text and the key id. */
  sign(doc: CertificateDocument, bodySha256: string): { qrText: string; keyId: string };
  /** The whole PDF: the rendered body, the QR and the embedded verification bundle. */
  assemble(rendered: { sha256: string; handle: unknown }, qrText: string, bundle: Uint8Array): Uint8Array;
  /** The verification page of certificate `number`. */
  verifyUrl(number: string): string;
}

/** Options of {@link createCertificateService}. */
export interface CertificateServiceOptions {
  db: Db;
  catalog: CatalogStore;
  toolkit: CertificateToolkit;
  clock: () => Date;
  /** The log's proof for a subject, once a signed checkpoint includes it. */
  prove(subject: string): Promise<{ index: number; proof: string } | undefined>;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void; warn?(obj: object, msg: string): void };
  /** Called after a commit that queued messages (wire to the outbox's `wake`). */
  onQueued?: () => void;
}

/** The outcome of a revocation. */
export type RevokeResult =
  | { ok: true; certificate: CertificateRecord }
  | { ok: false; code: 'not_found' | 'no_certificate' | 'role_not_allowed' | 'already_revoked' | 'reason_required'; message: string };

/** Roles that may revoke a certificate within their jurisdiction. */
export const REVOKING_ROLES: readonly string[] = ['approving_officer', 'department_administrator', 'state_administrator'];

const india = (d: Date) => new Date(d.getTime() + 5.5 * 60 * 60 * 1000).toISOString().slice(0, 10);
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Creates the service. */
export function createCertificateService(o: CertificateServiceOptions) {
  const { db, catalog, toolkit } = o;
  const definitionOf = (app: BackOfficeApplication) =>
    catalog.current().service(app.serviceId, app.serviceVersion) ?? catalog.current().service(app.serviceId);
  const serviceName = (app: { serviceId: string }, lang: Lang) => catalog.current().service(app.serviceId)?.name[lang] ?? app.serviceId;
  const areaOf = (app: BackOfficeApplication) => ({ department: app.department ?? app.serviceId.split('.')[0], district: app.district ?? '', mandal: app.mandal });

  /** Issues one request inside `tx`; returns the stored row (without writing it yet) or throws. */
  async function prepare(tx: Queryable, request: CertificateRequest, now: Date): Promise<{ row: NewCertificate; log: LogRecord }> {
    const application = await applicationById(tx, request.applicationId);
    if (!application) throw new Error(`application ${request.applicationId} does not exist`);
    const type = definitionOf(application)?.certificateType;
    if (!type) throw new Error(`service ${application.serviceId} v${application.serviceVersion} issues no certificate`);
    const prefix = toolkit.prefixOf(type);
    if (!prefix) throw new Error(`the catalog has no certificate layout for type '${type}' (catalog/certificates/${type}.yaml)`);
    const issuedOn = india(now);
    const year = Number(issuedOn.slice(0, 4));
    const sequence = await reserveCertificateNumbers(tx, prefix, year);
    const number = `AP-${prefix}-${year}-${String(sequence).padStart(7, '0')}`;
    const officer = request.officerId === null ? undefined : await officerById(tx, request.officerId);
    const document = toolkit.build({ application, type, number, issuedOn, officer });
    const body = toolkit.renderBody(document);
    const signed = toolkit.sign(document, body.sha256);
    const department = application.department ?? application.serviceId.split('.')[0];
    return {
      row: {
        number, applicationId: application.id, waId: application.waId, serviceId: application.serviceId, type, document,
        bodySha256: body.sha256, qrText: signed.qrText, keyId: signed.keyId, issuedAt: now.toISOString(),
      },
      log: {
        type: 'certificate_issued', at: now, subject: number,
        meta: { department, service: application.serviceId, certificate: sha256Hex(number).slice(0, 32), keyId: signed.keyId },
        record: issuedRecord(number, signed.qrText),
      },
    };
  }

  /** The PDF of `c` with the freshest log proof there is (none while the log has not included it). */
  async function pdfOf(c: CertificateRecord): Promise<{ pdf: Uint8Array; proven: boolean }> {
    const document = c.document as CertificateDocument;
    const rendered = toolkit.renderBody(document);
    if (rendered.sha256 !== c.bodySha256) throw new Error(`certificate ${c.number} no longer renders to the body it was signed over (layout changed?)`);
    const proof = await o.prove(c.number);
    let log;
    if (proof) {
      const [row] = await readEntries(db, proof.index, proof.index + 1);
      const opening = row ? await logOpening(db, createHash('sha256').update(row.entry).digest()) : undefined;
      if (row && opening) log = bundleLog(row.entry, opening.salt, opening.record as ReturnType<typeof issuedRecord>, proof.proof);
    }
    const bundle = encodeBundle({ format: 'mitra-certificate-bundle/v1', qr: c.qrText, ...(log ? { log } : {}) });
    return { pdf: toolkit.assemble(rendered, c.qrText, bundle), proven: log !== undefined };
  }

  function deliveryMessage(c: CertificateRecord, documentId: string, lang: Lang, reference: string): QueuedMessage {
    const service = serviceName(c, lang);
    return {
      id: `certificate:${c.number}`, waId: c.waId,
      message: {
        type: 'document', documentId, filename: `${c.number}.pdf`,
        caption: say('certificate_caption', lang, { service, number: c.number, reference, url: toolkit.verifyUrl(c.number) }),
      },
      template: { name: 'certificate_ready', lang, params: { service, reference } },
    };
  }

  return {
    /**
     * One round of issuance: up to ISSUE_BATCH due requests in one transaction. A request that
     * fails (no layout, a broken answer) is retried later and does not hold up the others.
     * Returns how many certificates were issued.
     */
    async issueOnce(): Promise<number> {
      const now = o.clock();
      const due = await db.query('SELECT 1 FROM certificate_requests WHERE next_attempt_at <= $1 LIMIT 1', [now.toISOString()]);
      if (due.rows.length === 0) return 0;
      const failures: { request: CertificateRequest; error: Error }[] = [];
      const issued = await db.transaction(async (tx) => {
        const rows: NewCertificate[] = [];
        const logs: LogRecord[] = [];
        for (const request of await claimCertificateRequests(tx, now, ISSUE_BATCH)) {
          try {
            await tx.query('SAVEPOINT issue_one');
            const { row, log } = await prepare(tx, request, now);
            rows.push(row);
            logs.push(log);
            await tx.query('RELEASE SAVEPOINT issue_one');
          } catch (err) {
            await tx.query('ROLLBACK TO SAVEPOINT issue_one');
            failures.push({ request, error: err as Error });
            await failCertificateRequest(tx, request.applicationId, (err as Error).message, new Date(now.getTime() + ISSUE_RETRY_MS));
          }
        }
        await insertCertificates(tx, rows);
        await enqueueLogEntries(tx, logs);
        for (const r of rows) await deleteCertificateRequest(tx, r.applicationId);
        return rows;
      });
      for (const f of failures) o.log.error({ err: f.error, application: f.request.applicationId, attempts: f.request.attempts + 1 }, 'certificate could not be issued');
      for (const r of issued) o.log.info({ number: r.number, application: r.applicationId, keyId: r.keyId }, 'certificate issued');
      return issued.length;
    },

    /**
     * One round of delivery: certificates the log now includes (or that waited LOG_WAIT_MS)
     * get their PDF stored as the citizen's document and sent. Returns how many were sent.
     */
    async deliverOnce(): Promise<number> {
      const now = o.clock();
      const pending = await db.query('SELECT 1 FROM certificates WHERE delivered_at IS NULL LIMIT 1');
      if (pending.rows.length === 0) return 0;
      const sent = await db.transaction(async (tx) => {
        let count = 0;
        for (const c of await claimUndeliveredCertificates(tx, DELIVER_BATCH)) {
          const { pdf, proven } = await pdfOf(c);
          if (!proven && now.getTime() - Date.parse(c.issuedAt) < LOG_WAIT_MS) continue;
          if (!proven) o.log.warn?.({ number: c.number }, 'certificate sent before the log included it');
          const documentId = await storeCertificatePdf(tx, { number: c.number, waId: c.waId, applicationId: c.applicationId, pdf, filename: `${c.number}.pdf`, at: now });
          const app = await applicationById(tx, c.applicationId);
          const lang = await citizenLang(tx, c.waId, app?.lang ?? 'te');
          await queueMessages(tx, [deliveryMessage(c, documentId, isLang(lang) ? lang : 'te', app?.reference ?? c.applicationId)]);
          count++;
        }
        return count;
      });
      if (sent > 0) o.onQueued?.();
      return sent;
    },

    /** The PDF of certificate `number` as it would be downloaded now (fresh log proof), or undefined. */
    async pdf(number: string): Promise<Uint8Array | undefined> {
      const c = await certificateByNumber(db, number);
      return c ? (await pdfOf(c)).pdf : undefined;
    },

    /** What verifiers may know of certificate `number`: issued or revoked (with when and why). */
    async lookup(number: string): Promise<{ status: 'issued' | 'revoked'; issuedAt: string; revokedAt?: string; reason?: string } | undefined> {
      const c = await certificateByNumber(db, number);
      if (!c) return undefined;
      return c.status === 'revoked'
        ? { status: 'revoked', issuedAt: c.issuedAt, revokedAt: c.revokedAt ?? undefined, reason: c.revokeReason ?? undefined }
        : { status: 'issued', issuedAt: c.issuedAt };
    },

    /** The certificate of an application the officer may see, or undefined. */
    async ofApplication(officer: OfficerRecord, applicationId: string): Promise<CertificateRecord | undefined> {
      const app = await applicationById(db, applicationId);
      if (!app || !canAct(officer, areaOf(app))) return undefined;
      return certificateOfApplication(db, app.id);
    },

    /**
     * Revokes the certificate of application `applicationId` with `reason`: jurisdiction as for
     * every officer action (outside it: not_found), a role that may revoke, a reason the citizen
     * will read. Audit row, `certificate_revoked` log entry and the citizen's message commit together.
     */
    async revoke(officer: OfficerRecord, applicationId: string, reasonText: string): Promise<RevokeResult> {
      const reason = (reasonText ?? '').trim();
      const result = await db.transaction(async (tx): Promise<RevokeResult> => {
        const app = await applicationById(tx, applicationId, true);
        if (!app || !canAct(officer, areaOf(app))) return { ok: false, code: 'not_found', message: `no application ${applicationId} in your jurisdiction` };
        if (!REVOKING_ROLES.includes(officer.role)) return { ok: false, code: 'role_not_allowed', message: `a ${officer.role} may not revoke certificates` };
        if (reason.length < MIN_REVOKE_REASON || reason.length > MAX_REASON_LENGTH) {
          return { ok: false, code: 'reason_required', message: `give the reason (${MIN_REVOKE_REASON} to ${MAX_REASON_LENGTH} characters): the citizen and every verifier read it` };
        }
        const existing = await certificateOfApplication(tx, app.id);
        if (!existing) return { ok: false, code: 'no_certificate', message: `application ${app.reference} has no certificate` };
        const at = o.clock();
        if (!(await revokeCertificate(tx, { number: existing.number, by: officer.username, reason, at }))) {
          return { ok: false, code: 'already_revoked', message: `certificate ${existing.number} is already revoked` };
        }
        await insertActions(tx, [{
          applicationId: app.id, waId: app.waId, officerId: officer.id, actor: officer.username, actorRole: officer.role, action: 'revoke_certificate',
          reason, details: { certificate: existing.number }, fromState: app.workflow?.state ?? app.status, toState: app.workflow?.state ?? app.status,
          fromStatus: app.status, toStatus: app.status, at: at.toISOString(),
        }]);
        const department = app.department ?? app.serviceId.split('.')[0];
        await enqueueLogEntries(tx, [{
          type: 'certificate_revoked', at, subject: existing.number,
          meta: { department, service: app.serviceId, certificate: sha256Hex(existing.number).slice(0, 32) },
          record: { number: existing.number, reason, at: at.toISOString() },
        }]);
        const lang = await citizenLang(tx, app.waId, app.lang);
        const l: Lang = isLang(lang) ? lang : 'te';
        const service = serviceName(app, l);
        await queueMessages(tx, [{
          id: `certificate-revoked:${existing.number}`, waId: app.waId,
          message: { type: 'text', body: say('notice_certificate_revoked', l, { number: existing.number, service, reason }) },
          template: { name: 'certificate_revoked', lang: l, params: { number: existing.number, service, reason: reason.replace(/\s+/g, ' ').slice(0, 300) } },
        }]);
        return { ok: true, certificate: (await certificateByNumber(tx, existing.number))! };
      });
      if (result.ok) {
        o.log.info({ number: result.certificate.number, officer: officer.username }, 'certificate revoked');
        o.onQueued?.();
      }
      return result;
    },
  };
}

/** The certificate service. */
export type CertificateService = ReturnType<typeof createCertificateService>;
