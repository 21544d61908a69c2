/**
 * What the inbound processor stores with a newly submitted application, besides what the
 * citizen answered: its route (department, district, mandal) and its workflow, started at the
 * moment of submission with the service's charter limit (`sla.days` working days) as the
 * overall SLA. Pure and synchronous, so the processor calls it inside its batch transaction.
 */
import type { CatalogStore } from '../../catalog/index.ts';
import { serviceWorkflowId } from '../../engine/index.ts';
import { startApplication, type WorkflowApplication } from '../../workflow/index.ts';
import { routeApplication, type ApplicationRoute } from './route-application.ts';
import { slaColumns, type SlaColumns } from './sla-columns.ts';

/** A submitted application, as the engine's `application_submitted` event describes it. */
export interface SubmittedApplication {
  reference: string;
  serviceId: string;
  serviceVersion: number;
  answers: Record<string, unknown>;
  submittedAt: string;
}

/** The route, the started workflow (null without a back office) and the derived columns. */
export interface AdmittedApplication extends ApplicationRoute, SlaColumns {
  workflow: WorkflowApplication | null;
}

/**
 * Admits `application` under the catalog's current workflows. A service without a workflow,
 * or whose workflow is missing, is stored as `submitted` with no back office (the catalog lint
 * prevents the latter).
 */
export function admitApplication(catalog: CatalogStore, application: SubmittedApplication): AdmittedApplication {
  const definition = catalog.current().service(application.serviceId, application.serviceVersion);
  const route = routeApplication(application.serviceId, definition, application.answers);
  const workflowId = definition ? serviceWorkflowId(definition) : null;
  const workflow = workflowId === null ? undefined : catalog.workflow(workflowId);
  if (!definition || !workflow) {
    return { ...route, workflow: null, status: 'submitted', waitingFor: null, slaDeadline: null, slaCheckAt: null };
  }
  const started = startApplication(workflow, {
    reference: application.reference, at: new Date(application.submittedAt), overallSla: { workingDays: definition.sla.days },
  }, catalog.calendar());
  return { ...route, workflow: started, ...slaColumns(started) };
}
