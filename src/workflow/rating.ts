/**
 * The citizen's rating of how a grievance was handled, given when closing it. A 1 to 10 scale
 * (DIGIT PGR uses 1 to 5); the dashboard publishes the average per department.
 */

/** The lowest rating a citizen can give. */
export const MIN_RATING = 1;
/** The highest rating a citizen can give. */
export const MAX_RATING = 10;

/** True when `value` is a whole number from {@link MIN_RATING} to {@link MAX_RATING}. */
export function isRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_RATING && value <= MAX_RATING;
}
