/**
 * The registry of step types (STYLE.md 4). `handlerFor` switches exhaustively over the step
 * union, so adding a type to the schema without a handler is a compile error, and the table
 * test enumerates `STEP_HANDLERS`, so a handler without tests fails CI.
 */
import type { Step, StepType } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';
import { askTextStep } from './ask-text.ts';
import { askNumberStep } from './ask-number.ts';
import { askDateStep } from './ask-date.ts';
import { askChoiceStep } from './ask-choice.ts';
import { askAadhaarStep } from './ask-aadhaar.ts';
import { askMobileStep } from './ask-mobile.ts';
import { askPincodeStep } from './ask-pincode.ts';
import { askEmailStep } from './ask-email.ts';
import { askMediaStep } from './ask-media.ts';
import { askLocationStep } from './ask-location.ts';
import { showInfoStep } from './show-info.ts';
import { callDepartmentStep } from './call-department.ts';
import { makePaymentStep } from './make-payment.ts';

/** Every registered handler, by step type. */
export const STEP_HANDLERS: { readonly [T in StepType]: StepHandler<Extract<Step, { type: T }>> } = {
  ask_text: askTextStep,
  ask_number: askNumberStep,
  ask_date: askDateStep,
  ask_choice: askChoiceStep,
  ask_aadhaar: askAadhaarStep,
  ask_mobile: askMobileStep,
  ask_pincode: askPincodeStep,
  ask_email: askEmailStep,
  ask_media: askMediaStep,
  ask_location: askLocationStep,
  show_info: showInfoStep,
  call_department: callDepartmentStep,
  make_payment: makePaymentStep,
};

/** The handler for `step`, typed to accept that step. */
export function handlerFor(step: Step): StepHandler {
  switch (step.type) {
    case 'ask_text': return STEP_HANDLERS.ask_text as StepHandler;
    case 'ask_number': return STEP_HANDLERS.ask_number as StepHandler;
    case 'ask_date': return STEP_HANDLERS.ask_date as StepHandler;
    case 'ask_choice': return STEP_HANDLERS.ask_choice as StepHandler;
    case 'ask_aadhaar': return STEP_HANDLERS.ask_aadhaar as StepHandler;
    case 'ask_mobile': return STEP_HANDLERS.ask_mobile as StepHandler;
    case 'ask_pincode': return STEP_HANDLERS.ask_pincode as StepHandler;
    case 'ask_email': return STEP_HANDLERS.ask_email as StepHandler;
    case 'ask_media': return STEP_HANDLERS.ask_media as StepHandler;
    case 'ask_location': return STEP_HANDLERS.ask_location as StepHandler;
    case 'show_info': return STEP_HANDLERS.show_info as StepHandler;
    case 'call_department': return STEP_HANDLERS.call_department as StepHandler;
    case 'make_payment': return STEP_HANDLERS.make_payment as StepHandler;
    default: {
      const unhandled: never = step;
      throw new Error(`no handler for step type ${(unhandled as Step).type}`);
    }
  }
}
