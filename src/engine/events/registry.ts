/**
 * Every event the engine emits, listed once (STYLE.md 4). The caller validates with
 * `engineEvent` before persisting; tests check every emitted event against it.
 */
import { z } from 'zod';
import { languageChosen } from './language-chosen.ts';
import { serviceStarted } from './service-started.ts';
import { applicationSubmitted } from './application-submitted.ts';
import { applicationCancelled } from './application-cancelled.ts';
import { inputRejected } from './input-rejected.ts';
import { sessionExpired } from './session-expired.ts';
import { helpRequested } from './help-requested.ts';
import { unexpectedMessage } from './unexpected-message.ts';
import { integrationUnavailable } from './integration-unavailable.ts';
import { informationProvided } from './information-provided.ts';

/** The schema of every event type, by `type`. */
export const EVENT_SCHEMAS = {
  language_chosen: languageChosen,
  service_started: serviceStarted,
  application_submitted: applicationSubmitted,
  application_cancelled: applicationCancelled,
  input_rejected: inputRejected,
  session_expired: sessionExpired,
  help_requested: helpRequested,
  unexpected_message: unexpectedMessage,
  integration_unavailable: integrationUnavailable,
  information_provided: informationProvided,
} as const;

/** Any engine event, discriminated by `type`. */
export const engineEvent = z.discriminatedUnion('type', [
  languageChosen, serviceStarted, applicationSubmitted, applicationCancelled,
  inputRejected, sessionExpired, helpRequested, unexpectedMessage, integrationUnavailable, informationProvided,
]);

/** An event emitted by `turn`. */
export type EngineEvent = z.infer<typeof engineEvent>;
/** The `type` of every event. */
export type EngineEventType = EngineEvent['type'];
