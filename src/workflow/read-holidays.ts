/**
 * Reads a year's list of general holidays (`catalog/holidays/<year>.yaml`), the data the
 * working calendar needs besides Sundays and second Saturdays. The state's General
 * Administration Department notifies the list each year by G.O.; dates of moon-dependent
 * festivals may be changed later by announcement, so the operator edits the file then.
 * Optional holidays are not listed: offices stay open on them.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The largest holidays file accepted, in bytes. */
export const MAX_HOLIDAYS_BYTES = 32 * 1024;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A holidays file. */
export const holidaysFile = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Where the list comes from (the G.O. number and date), for the operator. */
  source: z.string().min(1),
  holidays: z.array(z.object({
    date: z.string().regex(ISO_DATE, 'must be a YYYY-MM-DD date'),
    name: z.string().min(1),
  }).strict()).default([]),
}).strict();

/** A validated holidays file. */
export type HolidaysFile = z.infer<typeof holidaysFile>;

/** The year's holidays, or every error found. */
export type ReadHolidaysResult = { ok: true; holidays: HolidaysFile } | { ok: false; errors: string[] };

/** Reads a holidays file from YAML `text`; `source` names it in messages. Never throws on bad input. */
export function readHolidays(source: string, text: string): ReadHolidaysResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_HOLIDAYS_BYTES) return { ok: false, errors: [`${source}: larger than ${MAX_HOLIDAYS_BYTES} bytes`] };
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, errors: [`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  const parsed = holidaysFile.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${source}: ${i.path.length > 0 ? `'${i.path.join('.')}' ` : ''}${i.message}`) };
  }
  // Two occasions may share a date (Gandhi Jayanti and Vijayadasami both fell on 2 October
  // 2025), so a repeated date is not an error.
  const errors: string[] = [];
  for (const [i, h] of parsed.data.holidays.entries()) {
    const real = new Date(`${h.date}T00:00:00Z`);
    if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== h.date) errors.push(`${source}: 'holidays.${i}.date' ${h.date} does not exist`);
    else if (!h.date.startsWith(`${parsed.data.year}-`)) errors.push(`${source}: 'holidays.${i}.date' ${h.date} is not in ${parsed.data.year}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, holidays: parsed.data };
}
