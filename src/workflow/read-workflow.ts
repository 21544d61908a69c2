/**
 * The one pipeline every workflow definition goes through (STYLE.md 5), as service definitions
 * do: size check → parse YAML → reject specs newer than this code → validate (zod) → lint.
 * Spec 1 is the first, so there are no migrations yet; the first change to the format adds a
 * migration step here, before validation. Errors carry a path:
 * `workflow 'grievance': state 'resolved': action 'close': unknown role 'mro' (roles: …)`.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { lintWorkflow } from './lint-workflow.ts';
import { workflowDefinition, WORKFLOW_SPEC_VERSION, type Workflow } from './workflow-schema.ts';

/** The largest workflow file accepted, in bytes. */
export const MAX_WORKFLOW_BYTES = 64 * 1024;

/** The result of reading a workflow: the workflow, or every error found. */
export type ReadWorkflowResult =
  | { ok: true; workflow: Workflow }
  | { ok: false; errors: string[] };

/** The id at `raw[key][index]`, or `#n` when it has none. */
function idAt(list: unknown, index: number, key: string): string {
  const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const id = item && typeof item === 'object' ? item[key] : undefined;
  return typeof id === 'string' ? id : `#${index + 1}`;
}

/**
 * One zod issue as a path message. `states.2.actions.0.roles.1` becomes
 * `state 'pending_approval': action 'approve': 'roles.1' …`, using ids from the raw data.
 */
function describeIssue(prefix: string, raw: Record<string, unknown>, issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const parts: string[] = [];
  let rest = path;
  if (path[0] === 'states' && typeof path[1] === 'number') {
    parts.push(`state '${idAt(raw.states, path[1], 'id')}'`);
    rest = path.slice(2);
    const state = Array.isArray(raw.states) ? (raw.states[path[1]] as Record<string, unknown> | undefined) : undefined;
    if (rest[0] === 'actions' && typeof rest[1] === 'number') {
      parts.push(`action '${idAt(state?.actions, rest[1], 'action')}'`);
      rest = rest.slice(2);
    }
  }
  const field = rest.length > 0 ? `'${rest.join('.')}' ` : '';
  const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
  return [prefix.slice(0, -2), ...parts, `${field}${missing ? 'is missing' : issue.message}`].join(': ');
}

/**
 * Reads one workflow from YAML (or JSON) `text`. `source` names the file in messages until the
 * workflow's own id is known. Never throws on bad input.
 */
export function readWorkflow(source: string, text: string): ReadWorkflowResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_WORKFLOW_BYTES) {
    return { ok: false, errors: [`${source}: larger than ${MAX_WORKFLOW_BYTES} bytes`] };
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    return { ok: false, errors: [`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: [`${source}: not an object`] };
  const obj = raw as Record<string, unknown>;
  const prefix = typeof obj.id === 'string' ? `workflow '${obj.id}': ` : `${source}: `;
  const spec = obj.specVersion;
  if (typeof spec !== 'number' || !Number.isInteger(spec) || spec < 1) {
    return { ok: false, errors: [`${prefix}'specVersion' must be a whole number from 1 to ${WORKFLOW_SPEC_VERSION}`] };
  }
  if (spec > WORKFLOW_SPEC_VERSION) {
    return { ok: false, errors: [`${prefix}specVersion ${spec} is newer than this Mitra reads (${WORKFLOW_SPEC_VERSION})`] };
  }
  const parsed = workflowDefinition.safeParse(obj);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => describeIssue(prefix, obj, i)) };
  const lint = lintWorkflow(parsed.data);
  if (lint.length > 0) return { ok: false, errors: lint };
  return { ok: true, workflow: parsed.data };
}
