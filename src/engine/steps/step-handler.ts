/**
 * The contract every step type implements (STYLE.md 4: steps are imperative, `ask_date`): how
 * to ask, how to check an answer, and how to show it in the review. Handlers are pure.
 */
import type { Lang } from '../../lib/languages.ts';
import type { InboundContent } from '../inbound.ts';
import type { OutboundMessage } from '../outbound.ts';
import type { Step } from '../definition/schema.ts';
import type { AnswerValue } from '../answer-value.ts';
import type { TextKey } from '../texts.ts';

/** What a handler may know about the turn besides the step. */
export interface StepContext {
  lang: Lang;
  /** The turn's clock, for date bounds such as 'today-18y'. */
  now: Date;
  /** The public name of a department system, in `lang` (from the catalog). */
  systemName?: (id: string) => string;
}

/**
 * The outcome of checking one answer. A rejection is a value, not an error (STYLE.md 7):
 * `reason` is a key of TEXTS, `params` fill its placeholders.
 */
export type StepResult =
  | { ok: true; value: AnswerValue; display: string }
  | { ok: false; reason: TextKey; params?: Partial<Record<string, string | number>> };

/** One step type. `S` is the step's schema type. */
export interface StepHandler<S extends Step = Step> {
  type: S['type'];
  /**
   * The inbound content types this step reads. Anything else (a sticker at a date question) is
   * an unexpected message, answered politely by the engine without counting as a failure.
   */
  accepts: readonly InboundContent['type'][];
  /** The question as one outbound message in `ctx.lang`. `page` pages long option lists. */
  prompt(step: S, ctx: StepContext, page: number): OutboundMessage;
  /** Checks `content`; MUST NOT throw, whatever the content. */
  validate(step: S, content: InboundContent, ctx: StepContext): StepResult;
  /** The answer as shown in the review. MUST mask Aadhaar and mobile numbers. */
  display(step: S, value: AnswerValue, lang: Lang): string;
}
