/**
 * Checks the service name against Meta's list-row title limit (whatsapp-cloud-api.md §3): the
 * name is the title of the service's row in every service list. The engine's definition lint
 * already checks descriptions and choice options; the name is a catalog concern because the
 * catalog decides where services are listed. The engine shortens what does not fit, but a
 * shortened Telugu name reads badly, so the catalog's own data MUST fit.
 */
import { LANGUAGES } from '../lib/languages.ts';
import { MESSAGE_LIMITS, textLength } from '../lib/message-limits.ts';
import type { ServiceDefinition } from '../engine/definition/schema.ts';

/** Longest service name, in code points: a list row title. */
export const MAX_SERVICE_NAME_LENGTH = MESSAGE_LIMITS.listRowTitle;

/**
 * Every service-list text of `definition` that is too long, as error messages starting with
 * `source` (the file, relative to the catalog directory). Empty when all fit.
 */
export function checkMessageLimits(source: string, definition: ServiceDefinition): string[] {
  const errors: string[] = [];
  for (const lang of LANGUAGES) {
    const length = textLength(definition.name[lang]);
    if (length > MAX_SERVICE_NAME_LENGTH) {
      errors.push(`${source}: 'name.${lang}' is ${length} characters, at most ${MAX_SERVICE_NAME_LENGTH} (a list row title): '${definition.name[lang]}'`);
    }
  }
  return errors;
}
