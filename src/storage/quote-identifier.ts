/**
 * Quotes a SQL identifier (a schema name from configuration) so it cannot break out of its
 * place in a statement: wraps it in double quotes and doubles any inner double quote.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
