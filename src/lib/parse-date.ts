/**
 * Reads a date as citizens type it: numbers (15-08-1990, 15/08/1990, 15.08.1990, 15-08-90,
 * 1990-08-15), or words in English, Telugu or Hindi (15 August 1990, 15 Aug 1990,
 * August 15, 1990, 15 ఆగస్టు 1990, 15 अगस्त 1990), with ASCII, Telugu or Devanagari digits.
 * Day comes before month in numeric forms, as everywhere in India. Pure; never throws.
 */
import { normalizeDigits } from './normalize-digits.ts';

/** The result of {@link parseDate}: an ISO date, or why the text is not one (a message key). */
export type ParsedDate =
  | { ok: true; iso: string; year: number; month: number; day: number }
  | { ok: false; reason: 'date_format' | 'date_not_real' };

/** Years outside this range are treated as typing mistakes. */
const MIN_YEAR = 1850;
const MAX_YEAR = 2200;

// Month names per language, with the spelling variants citizens commonly type. Keys are NFC.
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'జనవరి', 'जनवरी'],
  ['february', 'feb', 'ఫిబ్రవరి', 'ఫిబ్రవరీ', 'ఫెబ్రవరి', 'ఫిబ్రెవరి', 'फ़रवरी', 'फरवरी'],
  ['march', 'mar', 'మార్చి', 'మార్చ్', 'మార్చ', 'मार्च'],
  ['april', 'apr', 'ఏప్రిల్', 'ఏప్రియల్', 'ఎప్రిల్', 'अप्रैल', 'अप्रेल', 'एप्रिल'],
  ['may', 'మే', 'मई'],
  ['june', 'jun', 'జూన్', 'జూను', 'जून'],
  ['july', 'jul', 'జూలై', 'జులై', 'जुलाई'],
  ['august', 'aug', 'ఆగస్టు', 'ఆగష్టు', 'ఆగస్ట్', 'ఆగస్టులో', 'अगस्त'],
  ['september', 'sep', 'sept', 'సెప్టెంబర్', 'సెప్టెంబరు', 'సెప్టెంబర', 'सितंबर', 'सितम्बर'],
  ['october', 'oct', 'అక్టోబర్', 'అక్టోబరు', 'అక్టోబర', 'अक्टूबर', 'अक्तूबर'],
  ['november', 'nov', 'నవంబర్', 'నవంబరు', 'నవంబర', 'नवंबर', 'नवम्बर'],
  ['december', 'dec', 'డిసెంబర్', 'డిసెంబరు', 'డిసెంబర', 'दिसंबर', 'दिसम्बर'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((n) => [n.normalize('NFC'), i + 1] as const)),
);

const NUMERIC = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Days in `month` (1-12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A two-digit year: this century unless that would be after `currentYear`. */
function fullYear(yy: number, currentYear: number): number {
  const thisCentury = Math.floor(currentYear / 100) * 100 + yy;
  return thisCentury > currentYear ? thisCentury - 100 : thisCentury;
}

function build(year: number, month: number, day: number): ParsedDate {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || day < 1) return { ok: false, reason: 'date_format' };
  if (month > 12) return { ok: false, reason: 'date_not_real' };
  if (day > daysInMonth(year, month)) return { ok: false, reason: 'date_not_real' };
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, iso, year, month, day };
}

/**
 * Parses `text` typed by a citizen. `currentYear` decides two-digit years (a date is not assumed
 * to be in the future: "15-08-90" is 1990, "01-01-05" is 2005 when it is now 2025).
 */
export function parseDate(text: string, currentYear: number): ParsedDate {
  if (typeof text !== 'string' || text.length > 100) return { ok: false, reason: 'date_format' };
  const clean = normalizeDigits(text.normalize('NFC')).trim().toLowerCase();
  const iso = ISO.exec(clean);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC.exec(clean);
  if (numeric) {
    const yearText = numeric[3];
    const year = yearText.length === 2 ? fullYear(Number(yearText), currentYear) : Number(yearText);
    return build(year, Number(numeric[2]), Number(numeric[1]));
  }
  // Word forms: exactly one month name, a day and a year, in either order.
  const tokens = clean
    .replace(/[,.\-/]+/g, ' ')
    .replace(/(\d+)(st|nd|rd|th)\b/g, '$1')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  if (tokens.length !== 3) return { ok: false, reason: 'date_format' };
  const monthAt = tokens.findIndex((t) => MONTH_BY_NAME.has(t));
  if (monthAt < 0) return { ok: false, reason: 'date_format' };
  const month = MONTH_BY_NAME.get(tokens[monthAt]) ?? 0;
  const rest = tokens.filter((_, i) => i !== monthAt);
  if (!rest.every((t) => /^\d+$/.test(t))) return { ok: false, reason: 'date_format' };
  // "15 August 1990" or "August 15 1990": the day is the short number, the year the long one.
  const [a, b] = rest;
  let dayText: string;
  let yearText: string;
  if (a.length <= 2 && (b.length === 4 || b.length === 2) && monthAt !== 2) {
    [dayText, yearText] = [a, b];
  } else {
    return { ok: false, reason: 'date_format' };
  }
  const year = yearText.length === 2 ? fullYear(Number(yearText), currentYear) : Number(yearText);
  return build(year, month, Number(dayText));
}
