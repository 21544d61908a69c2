/**
 * Where an application goes: the office that decides it is found from the service and the
 * applicant's answers, as Andhra Pradesh routes MeeSeva and GSWS applications to the
 * department's office in the applicant's district and mandal.
 * - department: the service id's prefix (`revenue.income-certificate` → `revenue`);
 * - district: the answer of the step that offers the `ap-districts` option set (its id is
 *   `district` in the shipped catalog);
 * - mandal: the answer of the step `mandal`, when the service asks it.
 * Values are in `normalizeAreaName` form, as officer accounts are compared. An application
 * whose service asks no district is decided at department level: only the department's
 * administrators (and the state administrator) can see it.
 */
import type { ServiceDefinition } from '../../engine/definition/schema.ts';
import { normalizeAreaName } from '../../workflow/index.ts';

/** The option set whose answer names the applicant's district. */
export const DISTRICT_OPTION_SET = 'ap-districts';
/** The step id whose answer names the applicant's mandal. */
export const MANDAL_STEP_ID = 'mandal';

/** The routing of one application. */
export interface ApplicationRoute {
  department: string;
  district: string | null;
  mandal: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? normalizeAreaName(value) : null;

/** The route of an application of `serviceId` (definition `definition`, when known) with `answers`. */
export function routeApplication(serviceId: string, definition: ServiceDefinition | undefined, answers: Record<string, unknown>): ApplicationRoute {
  const districtStep = definition?.steps.find((s) => s.type === 'ask_choice' && s.optionSet === DISTRICT_OPTION_SET);
  return {
    department: normalizeAreaName(serviceId.split('.')[0]),
    district: text(answers[districtStep?.id ?? 'district']),
    mandal: text(answers[MANDAL_STEP_ID]),
  };
}
