/**
 * Formats a number with Indian digit grouping (lakh, crore): 120000 → "1,20,000",
 * 45000.5 → "45,000.5". Citizens read amounts this way on every government form.
 */
export function formatIndianNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  const [whole, fraction] = String(Math.abs(value)).split('.');
  // The last three digits form one group; every group before them has two (12,34,56,789).
  const last3 = whole.slice(-3);
  let rest = whole.slice(0, -3);
  const groups: string[] = [];
  while (rest.length > 2) {
    groups.unshift(rest.slice(-2));
    rest = rest.slice(0, -2);
  }
  if (rest.length > 0) groups.unshift(rest);
  const grouped = [...groups, last3].join(',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
