/**
 * `make_payment`: a payment through the gateway. Until payments are connected, the engine
 * stops the conversation here with an honest note and keeps the answers.
 */
import type { z } from 'zod';
import { PAYMENT_SYSTEM_ID, type makePayment } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';
import { integrationPrompt } from './integration-prompt.ts';

/** The `make_payment` handler. */
export const makePaymentStep: StepHandler<z.infer<typeof makePayment>> = {
  type: 'make_payment',
  accepts: ['choice', 'text'],
  prompt: (step, ctx) => integrationPrompt(step, ctx, PAYMENT_SYSTEM_ID),
  validate: () => ({ ok: false, reason: 'choose_from_buttons' }),
  display: () => '',
};
