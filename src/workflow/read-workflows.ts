/**
 * Reads the whole set of workflow files (the contents of `catalog/workflows/`), each through
 * `readWorkflow`, and checks the set: a file `<id>.yaml` holds workflow `<id>`, and ids are
 * unique. The caller does the file I/O; this stays pure.
 */
import { readWorkflow } from './read-workflow.ts';
import type { Workflow } from './workflow-schema.ts';

/** One workflow file: its name relative to the workflows folder, and its text. */
export interface WorkflowFile {
  file: string;
  text: string;
}

/** The workflows by id, or every error found in any file. */
export type ReadWorkflowsResult =
  | { ok: true; workflows: ReadonlyMap<string, Workflow> }
  | { ok: false; errors: string[] };

/** Reads every file; errors lead with the file name. Never throws on bad content. */
export function readWorkflows(files: readonly WorkflowFile[]): ReadWorkflowsResult {
  const errors: string[] = [];
  const workflows = new Map<string, Workflow>();
  for (const { file, text } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = readWorkflow(file, text);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => (e.startsWith(`${file}:`) ? e : `${file}: ${e}`)));
      continue;
    }
    const id = result.workflow.id;
    const expected = file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, '');
    if (id !== expected) errors.push(`${file}: holds workflow '${id}'; the file must be named '${id}.yaml'`);
    else if (workflows.has(id)) errors.push(`${file}: workflow '${id}' is defined twice`);
    else workflows.set(id, result.workflow);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, workflows };
}
