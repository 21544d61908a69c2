/**
 * One spelling for a department, district or mandal name, so that jurisdiction compares what
 * people mean: district ids come from the `ap-districts` option set (`east-godavari`), but a
 * mandal may be typed by the citizen ("Tenali ", "tenali") or by the operator creating an
 * account. Case, Unicode form, surrounding blanks and runs of blanks, hyphens and underscores
 * do not matter. It does not fix misspellings: a mandal option set would.
 */

/** The comparable form of `name`: NFKC, lower case, separators as single hyphens. */
export function normalizeAreaName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/gu, '-');
}
