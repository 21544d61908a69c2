/**
 * The status a citizen sees. Several workflow states may share one status (two "information
 * requested" states that return to different desks are both `info_requested` to the citizen),
 * as DIGIT separates `state` from `applicationStatus`. The list is closed so that every status
 * has a message in every language.
 */

/** Every status an application can show, open ones first. */
export const APPLICATION_STATUSES = [
  'submitted', 'in_verification', 'pending_approval', 'info_requested', 'escalated', 'assigned', 'resolved',
  'approved', 'rejected', 'closed', 'withdrawn', 'lapsed',
] as const;

/** A status an application can show. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses that end an application: only terminal states carry them, and every terminal state does. */
export const FINAL_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['approved', 'rejected', 'closed', 'withdrawn', 'lapsed']);
