/**
 * The one pipeline every service definition goes through (STYLE.md 5):
 * size check → parse → reject newer specs → migrate to the latest spec → validate (zod) → lint.
 * Errors carry a path: `service 'revenue.caste-certificate': step 'dob': 'max' must be a date`.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { serviceDefinition, SPEC_VERSION, type ServiceDefinition } from './schema.ts';
import { migrateDefinition } from './migrations.ts';
import { lintDefinition } from './lint-definition.ts';
import { expandOptionSets, type OptionSets } from './expand-option-sets.ts';

/** The largest definition file accepted, in bytes. */
export const MAX_DEFINITION_BYTES = 256 * 1024;

/** The result of reading a definition: the definition, or every error found. */
export type ReadResult =
  | { ok: true; definition: ServiceDefinition }
  | { ok: false; errors: string[] };

/**
 * One zod issue as a path message: `service 'x': step 'dob': 'max' must be a date…`. Step and
 * option indexes are replaced by their ids when the raw data has them.
 */
function describeIssue(prefix: string, raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const parts: string[] = [];
  let rest = path;
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    const steps = Array.isArray(raw.steps) ? raw.steps : [];
    const step = steps[path[1]] as { id?: unknown; options?: unknown } | undefined;
    parts.push(`step '${typeof step?.id === 'string' ? step.id : `#${path[1] + 1}`}'`);
    rest = path.slice(2);
    if (rest[0] === 'options' && typeof rest[1] === 'number') {
      const options = Array.isArray(step?.options) ? step.options as { id?: unknown }[] : [];
      const option = options[rest[1]];
      parts.push(`option '${typeof option?.id === 'string' ? option.id : `#${rest[1] + 1}`}'`);
      rest = rest.slice(2);
    }
  }
  const field = rest.length > 0 ? `'${rest.join('.')}' ` : '';
  const message = issue.code === 'invalid_type' && issue.message.includes('received undefined') ? 'is missing' : issue.message;
  return [prefix.slice(0, -2), ...parts, `${field}${message}`].join(': ');
}

/** What a definition may refer to outside itself. */
export interface DefinitionContext {
  /** Catalog-wide option lists, for `optionSet` (none when omitted). */
  optionSets?: OptionSets;
}

/**
 * Reads one definition from YAML or JSON `text`. `source` names the file in error messages
 * until the definition's own id is known. Never throws on bad input.
 */
export function readDefinition(source: string, text: string, context: DefinitionContext = {}): ReadResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_DEFINITION_BYTES) {
    return { ok: false, errors: [`${source}: larger than ${MAX_DEFINITION_BYTES} bytes`] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, errors: [`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [`${source}: not an object`] };
  const obj = raw as Record<string, unknown>;
  const prefix = typeof obj.id === 'string' ? `service '${obj.id}': ` : `${source}: `;
  const spec = obj.specVersion;
  if (typeof spec !== 'number' || !Number.isInteger(spec) || spec < 1) {
    return { ok: false, errors: [`${prefix}'specVersion' must be a whole number from 1 to ${SPEC_VERSION}`] };
  }
  if (spec > SPEC_VERSION) {
    return { ok: false, errors: [`${prefix}specVersion ${spec} is newer than this Mitra reads (${SPEC_VERSION})`] };
  }
  const migrated = migrateDefinition(obj, spec);
  if (!migrated.ok) return { ok: false, errors: [`${prefix}${migrated.error}`] };
  const expanded = expandOptionSets(migrated.raw, context.optionSets ?? new Map(), prefix);
  if (!expanded.ok) return { ok: false, errors: expanded.errors };
  const parsed = serviceDefinition.safeParse(expanded.raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => describeIssue(prefix, expanded.raw, i)) };
  }
  const lint = lintDefinition(parsed.data);
  if (lint.length > 0) return { ok: false, errors: lint };
  return { ok: true, definition: parsed.data };
}
