// RFC 4648 §4 standard alphabet with padding, whole string only.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard padded base64 (RFC 4648 §4, the encoding every C2SP format uses), strictly:
 * no whitespace, no URL-safe alphabet, no missing padding, and no non-zero padding bits, so each
 * byte string has exactly one accepted encoding. Returns `undefined` for anything else.
 * (Node's own decoder silently skips invalid characters, which a verifier must not do.)
 */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Re-encoding catches non-canonical trailing bits, e.g. "AB==" for the byte 0x00.
  if (bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Standard padded base64 (RFC 4648 §4) of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}
