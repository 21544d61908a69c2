/**
 * The default fact loader for engine turns: the citizens' applications and issued documents,
 * read inside the processor's transaction in two statements for the whole batch.
 */
import type { CitizenFacts, ApplicationSummary, DocumentSummary } from '../engine/ports.ts';
import type { Queryable } from './db.ts';

/** Most recent applications or documents given to the engine per citizen ("my applications"). */
export const MAX_FACTS_PER_KIND = 50;

/** Loads {@link CitizenFacts} for every wa_id in `waIds` (citizens with none get empty lists). */
export async function loadCitizenFacts(tx: Queryable, waIds: readonly string[]): Promise<Map<string, CitizenFacts>> {
  const facts = new Map<string, { applications: ApplicationSummary[]; documents: DocumentSummary[] }>();
  for (const waId of waIds) facts.set(waId, { applications: [], documents: [] });
  if (waIds.length === 0) return facts;
  const apps = await tx.query(
    `SELECT wa_id, reference, service_id, status, submitted_at, status_reason, updated_at FROM (
       SELECT a.*, row_number() OVER (PARTITION BY wa_id ORDER BY submitted_at DESC) AS n
         FROM applications a WHERE wa_id = ANY($1::text[])) x
      WHERE n <= $2 ORDER BY wa_id, submitted_at DESC`,
    [waIds, MAX_FACTS_PER_KIND],
  );
  for (const r of apps.rows) {
    facts.get(r.wa_id)?.applications.push({
      reference: r.reference,
      serviceId: r.service_id,
      status: r.status,
      submittedAt: new Date(r.submitted_at).toISOString(),
      ...(r.status_reason ? { reason: r.status_reason } : {}),
      ...(r.updated_at ? { updatedAt: new Date(r.updated_at).toISOString() } : {}),
    });
  }
  const docs = await tx.query(
    `SELECT wa_id, id, filename, created_at FROM (
       SELECT d.id, d.wa_id, d.filename, d.created_at, row_number() OVER (PARTITION BY wa_id ORDER BY created_at DESC) AS n
         FROM documents d WHERE wa_id = ANY($1::text[]) AND kind = 'issued') x
      WHERE n <= $2 ORDER BY wa_id, created_at DESC`,
    [waIds, MAX_FACTS_PER_KIND],
  );
  for (const r of docs.rows) {
    const filename = r.filename ?? `${r.id}.pdf`;
    facts.get(r.wa_id)?.documents.push({
      documentId: r.id,
      filename,
      title: filename,
      issuedAt: new Date(r.created_at).toISOString(),
    });
  }
  return facts;
}
