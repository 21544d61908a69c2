/**
 * A time limit, counted in working time of a government office (see `WorkingCalendar`):
 * `workingDays: 3` ends at the close of the third working day after the day the clock starts
 * (the day itself is excluded, as the General Clauses Act 1897 §9 excludes the first day of a
 * period); `workingHours: 4` ends after four hours of office time. Citizen charters state their
 * limits in days; hours suit short steps such as assigning a grievance.
 */
import { z } from 'zod';

/** The longest limit in working days a workflow may set (a year of office days, with room). */
export const MAX_SLA_WORKING_DAYS = 365;
/** The longest limit in working hours a workflow may set. */
export const MAX_SLA_WORKING_HOURS = 2000;

/** Exactly one of `workingDays` or `workingHours`, each a whole number from 1. */
export const slaSpec = z.object({
  workingDays: z.number().int().min(1).max(MAX_SLA_WORKING_DAYS).optional(),
  workingHours: z.number().int().min(1).max(MAX_SLA_WORKING_HOURS).optional(),
}).strict().refine((v) => (v.workingDays === undefined) !== (v.workingHours === undefined), {
  message: "needs exactly one of 'workingDays' or 'workingHours'",
});

/** A time limit in working days or working hours. */
export type SlaSpec = z.infer<typeof slaSpec>;
