/**
 * Calendar dates as a citizen in India sees them. Indian Standard Time is UTC+05:30 all year
 * (no daylight saving), so "today" for a citizen is the UTC instant shifted by 330 minutes.
 */

/** The offset of Indian Standard Time from UTC, in minutes. */
export const IST_OFFSET_MINUTES = 330;

/** The IST calendar date of `instant`, as ISO 'YYYY-MM-DD'. */
export function indiaDate(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
