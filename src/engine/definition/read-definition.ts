/**
 * The one pipeline every service definition goes through (STYLE.md 5):
 * size check → parse → migrate to the latest spec → validate (zod) → lint → reject newer specs.
 * Errors carry a path: `service 'revenue.caste-certificate': step 'dob': 'max' must be a date`.
 */
import { parse as parseYaml } from 'yaml';
import { serviceDefinition, SPEC_VERSION, type ServiceDefinition } from './schema.ts';

/** The largest definition file accepted, in bytes. */
export const MAX_DEFINITION_BYTES = 256 * 1024;

/** The result of reading a definition: the definition, or every error found. */
export type ReadResult =
  | { ok: true; definition: ServiceDefinition }
  | { ok: false; errors: string[] };

/**
 * Reads one definition from YAML or JSON `text`. `source` names the file in error messages.
 * Never throws on bad input.
 */
export function readDefinition(source: string, text: string): ReadResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_DEFINITION_BYTES) {
    return { ok: false, errors: [`${source}: larger than ${MAX_DEFINITION_BYTES} bytes`] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, errors: [`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, errors: [`${source}: not an object`] };
  const spec = (raw as { specVersion?: unknown }).specVersion;
  if (typeof spec === 'number' && spec > SPEC_VERSION) {
    return { ok: false, errors: [`${source}: specVersion ${spec} is newer than this Mitra reads (${SPEC_VERSION})`] };
  }
  const parsed = serviceDefinition.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${source}: ${i.path.join('.')}: ${i.message}`) };
  }
  return { ok: true, definition: parsed.data };
}
