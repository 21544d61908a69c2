/**
 * Option sets: catalog-wide option lists (the 26 districts of Andhra Pradesh) that many
 * services share. A definition names one with `optionSet: ap-districts` on an `ask_choice`
 * step instead of repeating 26 translated options; this fills `options` from the set before
 * validation, so everything after it (validation, lint, the engine) sees an ordinary choice.
 */
import type { z } from 'zod';
import type { choiceOption } from './schema.ts';

/** Option lists by set name. */
export type OptionSets = ReadonlyMap<string, readonly z.infer<typeof choiceOption>[]>;

/**
 * `raw` with every `optionSet` reference expanded, or the errors found: an unknown set, or a
 * step that names a set and lists its own options too. Never mutates `raw`.
 */
export function expandOptionSets(raw: Record<string, unknown>, sets: OptionSets, prefix: string): { ok: true; raw: Record<string, unknown> } | { ok: false; errors: string[] } {
  if (!Array.isArray(raw.steps)) return { ok: true, raw };
  const errors: string[] = [];
  const steps = raw.steps.map((step: unknown, i: number) => {
    if (typeof step !== 'object' || step === null || !('optionSet' in step)) return step;
    const s = step as Record<string, unknown>;
    const where = `${prefix}step '${typeof s.id === 'string' ? s.id : `#${i + 1}`}': `;
    const name = s.optionSet;
    if (s.type !== 'ask_choice') {
      errors.push(`${where}'optionSet' is only allowed on ask_choice steps`);
      return step;
    }
    if (s.options !== undefined) {
      errors.push(`${where}has both 'optionSet' and 'options'; use one`);
      return step;
    }
    const options = typeof name === 'string' ? sets.get(name) : undefined;
    if (!options) {
      const known = [...sets.keys()].join(', ') || 'none';
      errors.push(`${where}'optionSet' '${String(name)}' is not defined (known: ${known})`);
      return step;
    }
    return { ...s, options: options.map((o) => ({ ...o })) };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, raw: { ...raw, steps } };
}
