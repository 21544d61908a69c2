/**
 * `call_department`: a request to a department system. Until the integration layer connects
 * a system, the engine stops the conversation here with an honest note and keeps the answers
 * (the handler only renders that note; the engine never validates an answer for it).
 */
import type { z } from 'zod';
import type { callDepartment } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';
import { integrationPrompt } from './integration-prompt.ts';

/** The `call_department` handler. */
export const callDepartmentStep: StepHandler<z.infer<typeof callDepartment>> = {
  type: 'call_department',
  accepts: ['choice', 'text'],
  prompt: (step, ctx) => integrationPrompt(step, ctx, step.system),
  validate: () => ({ ok: false, reason: 'choose_from_buttons' }),
  display: () => '',
};
