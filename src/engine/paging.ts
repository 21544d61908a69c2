/**
 * Paging long lists into WhatsApp lists of at most 10 rows: `PAGE_SIZE` items plus a "More ▶"
 * row and a "◀ Previous" (or "◀ Main menu") row (whatsapp-cloud-api.md §3.2).
 */

/** Items per page of a paged list; leaves room for the two navigation rows. */
export const PAGE_SIZE = 8;

/** One page of `items`. */
export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
  hasPrevious: boolean;
  /** 1-based positions of the first and last item shown, and the total. */
  from: number;
  to: number;
  total: number;
}

/** Page `page` of `items` (clamped to the pages that exist). */
export function pageOf<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  const slice = items.slice(p * size, p * size + size);
  return {
    items: slice,
    page: p,
    hasMore: p < pages - 1,
    hasPrevious: p > 0,
    from: items.length === 0 ? 0 : p * size + 1,
    to: p * size + slice.length,
    total: items.length,
  };
}

/**
 * Page `page` of `items` when the first page also carries `lead` rows of its own (such as
 * "Popular services" above the departments): the first page holds `size - lead` items, the
 * others `size`. Positions (`from`, `to`) count items only.
 */
export function pageAfterLead<T>(items: readonly T[], page: number, lead: number, size: number = PAGE_SIZE): Page<T> {
  const firstSize = Math.max(1, size - lead);
  const pages = 1 + Math.ceil(Math.max(0, items.length - firstSize) / size);
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  const start = p === 0 ? 0 : firstSize + (p - 1) * size;
  const slice = items.slice(start, start + (p === 0 ? firstSize : size));
  return {
    items: slice,
    page: p,
    hasMore: p < pages - 1,
    hasPrevious: p > 0,
    from: slice.length === 0 ? 0 : start + 1,
    to: start + slice.length,
    total: items.length,
  };
}
