/**
 * `ask_choice`: one option out of a list. Up to `MESSAGE_LIMITS.replyButtons` options are reply
 * buttons; up to 10 a list; more are paged lists (`PAGE_SIZE` options + "More ▶" +
 * "◀ Previous"). The citizen may tap, type a label in any language, or type its number.
 */
import type { z } from 'zod';
import type { askChoice } from '../definition/schema.ts';
import { MESSAGE_LIMITS, shorten } from '../../lib/message-limits.ts';
import { LANGUAGES } from '../../lib/languages.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';
import { normalizeInput } from '../normalize-input.ts';
import { pageOf } from '../paging.ts';

/** Prefix of the row/button id of an option: `opt:<option id>`. */
export const OPTION_ID_PREFIX = 'opt:';
/** Prefix of the row id that shows another page of options: `opt-page:<n>`. */
export const OPTION_PAGE_PREFIX = 'opt-page:';

type AskChoice = z.infer<typeof askChoice>;

function optionLabel(step: AskChoice, id: string, lang: (typeof LANGUAGES)[number]): string {
  return step.options.find((o) => o.id === id)?.label[lang] ?? id;
}

/** The `ask_choice` handler. */
export const askChoiceStep: StepHandler<AskChoice> = {
  type: 'ask_choice',
  accepts: ['text', 'choice'],
  prompt(step, ctx, page) {
    const lang = ctx.lang;
    const body = questionText(step, lang);
    if (step.options.length <= MESSAGE_LIMITS.replyButtons) {
      return {
        type: 'buttons',
        body,
        buttons: step.options.map((o) => ({ id: `${OPTION_ID_PREFIX}${o.id}`, title: shorten(o.label[lang], MESSAGE_LIMITS.replyButtonTitle) })),
      };
    }
    const rowOf = (o: AskChoice['options'][number]) => {
      const label = o.label[lang];
      const long = [...label].length > MESSAGE_LIMITS.listRowTitle;
      const description = long ? label : o.description?.[lang];
      return {
        id: `${OPTION_ID_PREFIX}${o.id}`,
        title: shorten(label, MESSAGE_LIMITS.listRowTitle),
        ...(description ? { description: shorten(description, MESSAGE_LIMITS.listRowDescription) } : {}),
      };
    };
    const sectionTitle = shorten(step.label[lang], MESSAGE_LIMITS.listSectionTitle);
    if (step.options.length <= MESSAGE_LIMITS.listRowsTotal) {
      return { type: 'list', body, button: say('choice_button', lang), sections: [{ title: sectionTitle, rows: step.options.map(rowOf) }] };
    }
    const p = pageOf(step.options, page);
    const rows = p.items.map(rowOf);
    if (p.hasMore) rows.push({ id: `${OPTION_PAGE_PREFIX}${p.page + 1}`, title: say('row_more', lang) });
    if (p.hasPrevious) rows.push({ id: `${OPTION_PAGE_PREFIX}${p.page - 1}`, title: say('row_previous', lang) });
    return {
      type: 'list',
      body: `${body}\n\n${say('choice_page', lang, { from: p.from, to: p.to, total: p.total })}`,
      button: say('choice_button', lang),
      sections: [{ title: sectionTitle, rows }],
    };
  },
  validate(step, content, ctx) {
    if (content.type === 'choice') {
      const id = typeof content.id === 'string' && content.id.startsWith(OPTION_ID_PREFIX) ? content.id.slice(OPTION_ID_PREFIX.length) : null;
      const option = step.options.find((o) => o.id === id);
      if (option) return { ok: true, value: option.id, display: option.label[ctx.lang] };
      return { ok: false, reason: 'choice_unknown' };
    }
    if (content.type !== 'text' || typeof content.text !== 'string') return { ok: false, reason: 'choice_unknown' };
    const typed = normalizeInput(content.text);
    if (typed.length === 0) return { ok: false, reason: 'choice_unknown' };
    if (/^\d{1,3}$/.test(typed)) {
      const option = step.options[Number(typed) - 1];
      if (option) return { ok: true, value: option.id, display: option.label[ctx.lang] };
      return { ok: false, reason: 'choice_unknown' };
    }
    const option = step.options.find((o) => LANGUAGES.some((l) => normalizeInput(o.label[l]) === typed) || o.id === typed);
    if (option) return { ok: true, value: option.id, display: option.label[ctx.lang] };
    return { ok: false, reason: 'choice_unknown' };
  },
  display: (step, value, lang) => optionLabel(step, String(value), lang),
};
