/**
 * The screen of a step that needs a system outside Mitra (a department system or the payment
 * gateway) while that system is not connected: what the step would do, an honest note that it
 * cannot be done yet, and Try again / Main menu. The citizen's answers stay in the session.
 */
import type { IntegrationStep } from '../definition/schema.ts';
import type { OutboundMessage } from '../outbound.ts';
import { say } from '../texts.ts';
import type { StepContext } from './step-handler.ts';

/** Button id that asks the engine to try the integration step again. */
export const INTEGRATION_RETRY_ID = 'int:retry';

/** The "not connected yet" screen for `step`. */
export function integrationPrompt(step: IntegrationStep, ctx: StepContext, system: string): OutboundMessage {
  const lang = ctx.lang;
  const name = ctx.systemName?.(system) ?? system;
  const note = step.type === 'make_payment' ? say('payment_not_connected', lang) : say('system_not_connected', lang, { system: name });
  return {
    type: 'buttons',
    body: `${step.prompt[lang]}\n\n${note}`,
    buttons: [{ id: INTEGRATION_RETRY_ID, title: say('btn_retry', lang) }, { id: 'menu:main', title: say('btn_menu', lang) }],
  };
}
