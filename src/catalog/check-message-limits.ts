/**
 * Checks the parts of a service definition that WhatsApp shows in lists against Meta's limits
 * (whatsapp-cloud-api.md §3): a service name is a list row title, its description the row's
 * description, a choice option's label a row title or button. The engine shortens what does not
 * fit, but a shortened Telugu name reads badly, so the catalog's own data MUST fit.
 */
import { LANGUAGES } from '../lib/languages.ts';
import { MESSAGE_LIMITS, textLength } from '../lib/message-limits.ts';
import type { Localized } from '../lib/languages.ts';
import type { ServiceDefinition } from '../engine/definition/schema.ts';

/** Longest service name, in code points: a list row title. */
export const MAX_SERVICE_NAME_LENGTH = MESSAGE_LIMITS.listRowTitle;
/** Longest service description: a list row description. */
export const MAX_SERVICE_DESCRIPTION_LENGTH = MESSAGE_LIMITS.listRowDescription;
/** Longest choice option label: a list row title. */
export const MAX_OPTION_LABEL_LENGTH = MESSAGE_LIMITS.listRowTitle;
/** Longest choice option description: a list row description. */
export const MAX_OPTION_DESCRIPTION_LENGTH = MESSAGE_LIMITS.listRowDescription;

/**
 * Every text of `definition` that is too long for where it is shown, as error messages that
 * start with `source` (the file, relative to the catalog directory). Empty when all fit.
 */
export function checkMessageLimits(source: string, definition: ServiceDefinition): string[] {
  const errors: string[] = [];
  const check = (where: string, text: Localized, max: number): void => {
    for (const lang of LANGUAGES) {
      const length = textLength(text[lang]);
      if (length > max) errors.push(`${source}: ${where} (${lang}) is ${length} characters, at most ${max}: '${text[lang]}'`);
    }
  };
  check('name', definition.name, MAX_SERVICE_NAME_LENGTH);
  check('description', definition.description, MAX_SERVICE_DESCRIPTION_LENGTH);
  for (const step of definition.steps) {
    if (step.type !== 'ask_choice') continue;
    for (const option of step.options) {
      check(`step '${step.id}': option '${option.id}': label`, option.label, MAX_OPTION_LABEL_LENGTH);
      if (option.description) {
        check(`step '${step.id}': option '${option.id}': description`, option.description, MAX_OPTION_DESCRIPTION_LENGTH);
      }
    }
  }
  return errors;
}
