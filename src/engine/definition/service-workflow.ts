/**
 * Which back-office workflow decides a service's applications: the one the definition names
 * (`workflow:`), else the default of its kind. Certificates go through two levels (secretariat
 * staff verify, the Tahsildar approves), other applications through one approving officer, and
 * grievances through the grievance workflow; information, status checks, payments, bookings
 * and donations are answered on the spot or by a department system, so they have none.
 */
import type { ServiceDefinition } from './schema.ts';

/** The value of `workflow:` that says "no back office for this service". */
export const NO_WORKFLOW = 'none';

/** The workflow of each service kind when the definition names none. */
export const DEFAULT_WORKFLOW_BY_KIND: Readonly<Record<ServiceDefinition['kind'], string | null>> = {
  certificate: 'certificate-two-level',
  application: 'application-single-level',
  grievance: 'grievance',
  information: null,
  status: null,
  payment: null,
  booking: null,
  donation: null,
};

/** The workflow id of `definition`, or null when its applications need no officer. */
export function serviceWorkflowId(definition: Pick<ServiceDefinition, 'kind' | 'workflow'>): string | null {
  if (definition.workflow === NO_WORKFLOW) return null;
  return definition.workflow ?? DEFAULT_WORKFLOW_BY_KIND[definition.kind];
}
