/**
 * `show_info`: a message with no question. The engine shows its body when the conversation
 * reaches it and moves straight on, so the handler is only asked to render; it never receives
 * an answer.
 */
import type { z } from 'zod';
import type { showInfo } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';

/** The `show_info` handler. */
export const showInfoStep: StepHandler<z.infer<typeof showInfo>> = {
  type: 'show_info',
  accepts: [],
  prompt: (step, ctx) => ({ type: 'text', body: step.body[ctx.lang] }),
  // Nothing is asked, so nothing can be answered: the engine never calls this.
  validate: () => ({ ok: false, reason: 'choose_from_buttons' }),
  display: () => '',
};
