/**
 * The closed list of actions a workflow may offer. Workflows are data, but what an action
 * MEANS (which event it records, what the citizen is told) is code, so a workflow picks its
 * actions from this list and cannot invent new ones. Adding a name here needs an event in
 * `events/registry.ts`; the compiler checks the mapping in `transition-event.ts`.
 */

/** Every action name, in the order a console lists them. */
export const ACTION_NAMES = [
  // officer decisions on an application
  'verify', 'approve', 'reject', 'request_info', 'forward', 'send_back',
  // grievance handling (modelled on DIGIT PGR: assign, resolve, citizen closes or reopens)
  'assign', 'resolve',
  // the citizen
  'resubmit', 'withdraw', 'close', 'reopen',
  // the system, on an SLA clock
  'escalate', 'lapse', 'auto_close',
] as const;

/** An action a workflow may offer. */
export type ActionName = (typeof ACTION_NAMES)[number];

/** True when `value` is one of {@link ACTION_NAMES}. */
export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && (ACTION_NAMES as readonly string[]).includes(value);
}
