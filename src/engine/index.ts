/**
 * The conversation engine's public surface (DESIGN.md "Modules"): `turn` and the types a caller
 * needs to load a session, run a turn, store the result, send the messages and persist the
 * events. Everything else in src/engine/ is internal.
 */
export { turn, idleDeadline, sessionLang, type TurnResult, MAX_FAILURES_BEFORE_HELP } from './turn.ts';
export { SESSION_VERSION, type Session, type Screen, type ServiceProgress } from './session.ts';
export { engineEvent, EVENT_SCHEMAS, type EngineEvent, type EngineEventType } from './events/registry.ts';
export { type AnswerValue } from './answer-value.ts';
export { readDefinition, MAX_DEFINITION_BYTES, type ReadResult } from './definition/read-definition.ts';
export { lintDefinition } from './definition/lint-definition.ts';
export { serviceWorkflowId, DEFAULT_WORKFLOW_BY_KIND, NO_WORKFLOW } from './definition/service-workflow.ts';
export { MIGRATIONS } from './definition/migrations.ts';
export { STEP_HANDLERS, handlerFor } from './steps/registry.ts';
export { TEXTS, say, isTextKey, type TextKey } from './texts.ts';
export type { InboundMessage, InboundContent } from './inbound.ts';
export type { OutboundMessage } from './outbound.ts';
export type { EngineContext, EngineSettings, CatalogView, CitizenFacts } from './ports.ts';
