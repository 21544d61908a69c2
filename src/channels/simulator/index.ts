/**
 * The simulators' public surface: the backend that plays WhatsApp's servers for simulated
 * citizens (signed webhooks in, the Graph API double's sent messages out), the web chat routes
 * and the terminal runner. Both views go through Mitra's real webhook, never around it.
 */
export {
  createSimulatorBackend,
  MAX_HISTORY_EVENTS,
  type DoubleSentRecord,
  type SimulatorBackend,
  type SimulatorBackendOptions,
  type SimulatorGraphDouble,
  type SimulatorSendResult,
} from './simulator-backend.ts';
export { registerSimulatorRoutes, type SimulatorRouteOptions } from './register-simulator-routes.ts';
export { runTerminalSimulator, type TerminalSimulatorOptions } from './run-terminal-simulator.ts';
export { simulatedInputSchema, MAX_SIMULATED_UPLOAD_BYTES, type SimulatedInput } from './simulated-input.ts';
export { describeGraphMessage, type DescribedMessage, type TerminalChoice } from './describe-graph-message.ts';
export type { InboundTick, RecordedInput, SimEvent } from './sim-event.ts';
