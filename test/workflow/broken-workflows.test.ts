// The corpus of broken workflows (STYLE.md 9): each test/workflow/broken/*.yaml must fail
// readWorkflow with exactly the errors in its sibling .errors.txt, and every lint rule must be
// shown failing by at least one case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintWorkflow, MAX_WORKFLOW_BYTES, readWorkflow, readWorkflows } from '../../src/workflow/index.ts';
import { shippedWorkflows, WORKFLOWS_DIR } from './workflow-fixtures.ts';

const DIR = join(import.meta.dirname, 'broken');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const expectedOf = (file: string) => readFileSync(join(DIR, file.replace(/\.yaml$/, '.errors.txt')), 'utf8').trimEnd().split('\n');

test('the corpus has at least 20 cases', () => assert.ok(files.length >= 20, String(files.length)));

for (const file of files) {
  test(`broken workflow ${file}`, () => {
    const result = readWorkflow(file, readFileSync(join(DIR, file), 'utf8'));
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, expectedOf(file));
  });
}

/** One fragment of each lint rule's message; each must appear in some expected output. */
const LINT_RULES = [
  'duplicate state id',
  "'start' is unknown state",
  "'start' state 'approved' is terminal",
  'waits for the citizen; a new application waits for the office',
  'no state is terminal',
  'says the application is still open',
  'is final, but the state is not terminal',
  "'sla' is set on a terminal state",
  "'onBreach' is set on a terminal state",
  'a terminal state has no actions',
  "no 'sla': every state that is not terminal needs one",
  'dead end: no action leaves it and it is not terminal',
  "is longer than the overall 'sla'",
  "waits for the citizen, but no action is open to 'citizen'",
  'duplicate action in this state',
  "'to' is the state itself",
  "'to' is unknown state",
  "must lead to 'approved'",
  "'reasonRequired' must be true",
  "'ratingRequired' is only for a 'close' taken by the citizen alone",
  "'roles' lists a role twice",
  "only 'system' may take it, but 'onBreach' does not use it",
  'is not an action of this state',
  "is not open to role 'system'",
  'who has no action in state',
  'unreachable from the start state',
  'no terminal state can be reached from it',
  // caught by the schema, with the same path style
  'unknown role',
  'unknown action',
  'unknown applicationStatus',
  "'sla' is missing",
  "needs exactly one of 'workingDays' or 'workingHours'",
  'is newer than this Mitra reads',
  'not valid YAML',
];

test('every lint rule has a case in the corpus', () => {
  const all = files.flatMap(expectedOf).join('\n');
  const missing = LINT_RULES.filter((fragment) => !all.includes(fragment));
  assert.deepEqual(missing, []);
});

test('every shipped workflow reads and lints clean', () => {
  for (const wf of shippedWorkflows().values()) assert.deepEqual(lintWorkflow(wf), [], wf.id);
});

test('oversized files are refused before parsing', () => {
  const r = readWorkflow('big.yaml', `# ${'x'.repeat(MAX_WORKFLOW_BYTES)}`);
  assert.deepEqual(r, { ok: false, errors: [`big.yaml: larger than ${MAX_WORKFLOW_BYTES} bytes`] });
});

test('a file that is not a mapping is refused', () => {
  for (const text of ['- a\n- b\n', '42', '', 'null']) {
    assert.deepEqual(readWorkflow('x.yaml', text), { ok: false, errors: ['x.yaml: not an object'] }, JSON.stringify(text));
  }
});

test('the set of workflow files: names match ids, ids are unique, errors lead with the file', () => {
  const text = readFileSync(join(WORKFLOWS_DIR, 'grievance.yaml'), 'utf8');
  assert.deepEqual(readWorkflows([{ file: 'complaints.yaml', text }]), {
    ok: false, errors: ["complaints.yaml: holds workflow 'grievance'; the file must be named 'grievance.yaml'"],
  });
  assert.deepEqual(readWorkflows([{ file: 'grievance.yaml', text }, { file: 'old/grievance.yaml', text }]), {
    ok: false, errors: ["old/grievance.yaml: workflow 'grievance' is defined twice"],
  });
  const broken = readWorkflows([{ file: 'dead-end.yaml', text: readFileSync(join(DIR, 'dead-end.yaml'), 'utf8') }]);
  assert.deepEqual(broken, { ok: false, errors: expectedOf('dead-end.yaml').map((e) => `dead-end.yaml: ${e}`) });
});
