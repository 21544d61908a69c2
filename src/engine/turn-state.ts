/**
 * The working state of one turn: a private copy of the session that handlers change, the
 * messages and events collected so far, and the context. Nothing outside `turn` sees it.
 */
import type { Lang } from '../lib/languages.ts';
import type { OutboundMessage } from './outbound.ts';
import type { EngineContext } from './ports.ts';
import type { Session } from './session.ts';
import type { EngineEvent } from './events/registry.ts';

/** One turn in progress. */
export interface TurnState {
  session: Session;
  ctx: EngineContext;
  out: OutboundMessage[];
  events: EngineEvent[];
}

/** The language to speak in: the citizen's choice, English until they choose. */
export function langOf(t: TurnState): Lang {
  return t.session.lang ?? 'en';
}
