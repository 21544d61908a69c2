/**
 * Byte equality of two hashes (or any byte strings). Not constant-time: everything compared
 * in the log is public, so timing leaks nothing.
 */
export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
