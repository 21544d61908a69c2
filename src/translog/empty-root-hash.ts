import { sha256 } from './sha256.ts';

const EMPTY = sha256(new Uint8Array(0));

/**
 * Root hash of the empty tree, SHA-256 of the empty string (RFC 6962 §2.1, RFC 9162 §2.1.1):
 * e3b0c442…b855. Returns a fresh copy each call, so callers MAY mutate it.
 */
export function emptyRootHash(): Uint8Array {
  return EMPTY.slice();
}
