/**
 * Who may take an action on an application. The four officer roles are those of the back office
 * (issue #4); `citizen` is the applicant answering on WhatsApp, `system` is Mitra itself acting
 * on a clock (an SLA breach escalates, an unanswered request lapses).
 */

/** Roles an officer account can hold, from the narrowest area to the widest. */
export const OFFICER_ROLES = ['secretariat_staff', 'approving_officer', 'department_administrator', 'state_administrator'] as const;

/** A role an officer account can hold. */
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Every role a workflow action may name: the officer roles and the two pseudo-roles. */
export const ACTOR_ROLES = [...OFFICER_ROLES, 'citizen', 'system'] as const;

/** A role a workflow action may name. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** True when `value` is one of {@link ACTOR_ROLES}. */
export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (ACTOR_ROLES as readonly string[]).includes(value);
}

/** True when `value` is one of {@link OFFICER_ROLES}. */
export function isOfficerRole(value: unknown): value is OfficerRole {
  return typeof value === 'string' && (OFFICER_ROLES as readonly string[]).includes(value);
}
