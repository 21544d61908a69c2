/**
 * The one exception type of the workflow module, thrown only for programmer and infrastructure
 * faults: an application handed to a workflow it does not belong to, a state the workflow does
 * not have, an invalid `Date`, a calendar with no working day. Officer and citizen input is never
 * judged by throwing: `applyAction` answers `{ ok: false, code }` for it.
 */
export class WorkflowFault extends Error {
  /** Stable code, `area:problem` (`application:wrong-workflow`, `calendar:bad-office-hours`). */
  readonly code: string;
  /** The values that broke the contract, for logs. MUST NOT contain citizens' personal data. */
  readonly evidence: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, evidence: Readonly<Record<string, unknown>> = {}) {
    super(`${code}: ${message}`);
    this.name = 'WorkflowFault';
    this.code = code;
    this.evidence = evidence;
  }
}
