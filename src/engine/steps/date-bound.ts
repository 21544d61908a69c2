/**
 * Resolves a definition's date bound ('2000-01-01', 'today', 'today-18y', 'today+30d',
 * 'today-6m') to an ISO date, relative to the citizen's calendar day in India.
 */
import { indiaDate } from '../../lib/india-date.ts';
import { daysInMonth } from '../../lib/parse-date.ts';

const RELATIVE = /^today(?:([+-])(\d+)([dmy]))?$/;

/** The ISO date `bound` stands for at `now`, or null when `bound` is malformed. */
export function resolveDateBound(bound: string, now: Date): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(bound)) return bound;
  const m = RELATIVE.exec(bound);
  if (!m) return null;
  const today = indiaDate(now);
  if (!m[1]) return today;
  const amount = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  let day = Number(today.slice(8, 10));
  if (m[3] === 'd') {
    const t = Date.UTC(year, month - 1, day) + amount * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }
  const months = m[3] === 'y' ? amount * 12 : amount;
  const index = year * 12 + (month - 1) + months;
  year = Math.floor(index / 12);
  month = (index % 12) + 1;
  // 29 February minus one year is 28 February: clamp to the month's length.
  day = Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' → 'DD-MM-YYYY', the form citizens read. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}
