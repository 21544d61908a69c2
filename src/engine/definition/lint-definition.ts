/**
 * Checks a schema-valid definition for mistakes zod cannot see (STYLE.md 5): duplicate step
 * ids, conditions on unknown or later steps, conditions on options a choice does not have,
 * steps that can never be asked, blank translations, texts too long for WhatsApp lists, bad
 * patterns and bounds. Every message starts with `service '<id>':` and names the step.
 */
import { LANGUAGES, type Localized } from '../../lib/languages.ts';
import { MESSAGE_LIMITS, textLength } from '../../lib/message-limits.ts';
import { isQuestionStep, type Condition, type ServiceDefinition, type Step } from './schema.ts';

/** Longest service description: it is the description line of a list row. */
export const MAX_DESCRIPTION = MESSAGE_LIMITS.listRowDescription;
/** Longest option label: it is the title of a list row (or shortened into a button). */
export const MAX_OPTION_LABEL = MESSAGE_LIMITS.listRowTitle;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return true; // relative bounds ('today-18y') are checked by the schema
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Every leaf comparison (`step` + `equals`/`in`/`answered`) inside `condition`. */
function leaves(condition: Condition): Extract<Condition, { step: string }>[] {
  if ('all' in condition) return condition.all.flatMap(leaves);
  if ('any' in condition) return condition.any.flatMap(leaves);
  if ('not' in condition) return leaves(condition.not);
  return [condition];
}

/**
 * False when `condition` can be proved never to hold: an `equals` or `in` on a choice step with
 * values it cannot take. Conservative: `not` and `answered` are assumed satisfiable.
 */
function canHold(condition: Condition, steps: ReadonlyMap<string, Step>): boolean {
  if ('all' in condition) return condition.all.every((c) => canHold(c, steps));
  if ('any' in condition) return condition.any.some((c) => canHold(c, steps));
  if ('not' in condition) return true;
  const target = steps.get(condition.step);
  if (!target || target.type !== 'ask_choice') return true;
  const ids = new Set(target.options.map((o) => o.id));
  if ('equals' in condition) return typeof condition.equals === 'string' && ids.has(condition.equals);
  if ('in' in condition) return condition.in.some((v) => typeof v === 'string' && ids.has(v));
  return true;
}

function blankTranslations(where: string, field: string, text: Localized | undefined, out: string[]): void {
  if (!text) return;
  for (const lang of LANGUAGES) {
    if (text[lang].trim().length === 0) out.push(`${where}'${field}.${lang}' is empty`);
  }
}

/** Option set whose answer routes an application to the office of that district. */
export const DISTRICT_OPTION_SET = 'ap-districts';
/** Office levels that decide within a district, so an application must say which one. */
const DISTRICT_LEVELS: ReadonlySet<string> = new Set(['secretariat', 'mandal', 'district']);
/** Romanized text: what a citizen types on an English keyboard. */
const LATIN_ONLY = /^[\x20-\x7e]+$/;

/**
 * Checks that need the service as a whole: keywords in every language (with romanized Telugu
 * among the Telugu ones), a certificate type on certificates, a district question on services
 * decided within a district (the back office routes by it), and a question before a review.
 */
function lintServiceFields(def: ServiceDefinition, svc: string): string[] {
  const errors: string[] = [];
  for (const lang of LANGUAGES) {
    if (def.keywords[lang].length === 0) errors.push(`${svc}'keywords.${lang}' is empty`);
    def.keywords[lang].forEach((k, i) => { if (k.trim().length === 0) errors.push(`${svc}'keywords.${lang}.${i}' is empty`); });
  }
  if (def.keywords.te.length > 0 && !def.keywords.te.some((k) => LATIN_ONLY.test(k))) {
    errors.push(`${svc}'keywords.te' has no romanized Telugu (for example 'adayam certificate'), which is how most citizens type`);
  }
  if (def.kind === 'certificate' && def.certificateType === undefined) errors.push(`${svc}'certificateType' is required for kind 'certificate'`);
  if (def.kind !== 'certificate' && def.certificateType !== undefined) errors.push(`${svc}'certificateType' is only for kind 'certificate'`);
  if (DISTRICT_LEVELS.has(def.office.level)) {
    const district = def.steps.find((s) => s.type === 'ask_choice' && s.optionSet === DISTRICT_OPTION_SET && !s.when && !s.optional);
    if (!district) errors.push(`${svc}office level '${def.office.level}' needs a required ask_choice step with 'optionSet: ${DISTRICT_OPTION_SET}' (applications are routed by district)`);
  }
  if (!def.steps.some(isQuestionStep)) errors.push(`${svc}has no question: a service asks at least one`);
  return errors;
}

/** Every lint error in `def` (empty when it is clean), in a stable order. */
export function lintDefinition(def: ServiceDefinition): string[] {
  const errors: string[] = [];
  const svc = `service '${def.id}': `;
  // Service-level texts.
  for (const field of ['name', 'description', 'receives', 'consent'] as const) {
    blankTranslations(svc, field, def[field], errors);
  }
  def.documents.forEach((d, i) => blankTranslations(svc, `documents.${i}`, d, errors));
  blankTranslations(svc, 'fee.note', def.fee.note, errors);
  for (const lang of LANGUAGES) {
    const n = textLength(def.description[lang]);
    if (n > MAX_DESCRIPTION) errors.push(`${svc}'description.${lang}' is longer than ${MAX_DESCRIPTION} characters (${n})`);
  }
  if (def.id.split('.')[0] !== def.department) {
    errors.push(`${svc}'department' is '${def.department}' but the id starts with '${def.id.split('.')[0]}'`);
  }

  errors.push(...lintServiceFields(def, svc));

  const seen = new Map<string, Step>();
  const byId = new Map<string, Step>();
  for (const step of def.steps) if (!byId.has(step.id)) byId.set(step.id, step);
  for (const step of def.steps) {
    const where = `${svc}step '${step.id}': `;
    if (seen.has(step.id)) errors.push(`${where}duplicate step id`);
    if (step.type === 'show_info') blankTranslations(where, 'body', step.body, errors);
    else for (const field of ['prompt', 'label', 'help'] as const) blankTranslations(where, field, step[field], errors);
    if (step.when) {
      let dangling = false;
      for (const leaf of leaves(step.when)) {
        const target = seen.get(leaf.step);
        if (leaf.step === step.id) {
          errors.push(`${where}'when' refers to the step itself`);
          dangling = true;
        } else if (!byId.has(leaf.step)) {
          errors.push(`${where}'when' refers to unknown step '${leaf.step}'`);
          dangling = true;
        } else if (!target) {
          errors.push(`${where}'when' refers to step '${leaf.step}', which is asked later`);
          dangling = true;
        } else if (target.type === 'ask_choice' && ('equals' in leaf || 'in' in leaf)) {
          const ids = new Set(target.options.map((o) => o.id));
          const values = 'equals' in leaf ? [leaf.equals] : leaf.in;
          for (const v of values) {
            if (typeof v !== 'string' || !ids.has(v)) errors.push(`${where}'when' compares step '${leaf.step}' to '${String(v)}', which is not one of its options`);
          }
        }
      }
      if (!dangling && !canHold(step.when, seen)) errors.push(`${where}unreachable: its 'when' can never hold`);
    }
    switch (step.type) {
      case 'ask_choice': {
        const optionIds = new Set<string>();
        for (const option of step.options) {
          const ow = `${where}option '${option.id}': `;
          if (optionIds.has(option.id)) errors.push(`${ow}duplicate option id`);
          optionIds.add(option.id);
          blankTranslations(ow, 'label', option.label, errors);
          blankTranslations(ow, 'description', option.description, errors);
          for (const lang of LANGUAGES) {
            const n = textLength(option.label[lang]);
            if (n > MAX_OPTION_LABEL) errors.push(`${ow}'label.${lang}' is longer than ${MAX_OPTION_LABEL} characters (${n})`);
            const d = option.description ? textLength(option.description[lang]) : 0;
            if (d > MESSAGE_LIMITS.listRowDescription) errors.push(`${ow}'description.${lang}' is longer than ${MESSAGE_LIMITS.listRowDescription} characters (${d})`);
          }
        }
        break;
      }
      case 'ask_text':
        if (step.pattern !== undefined) {
          try {
            new RegExp(step.pattern, 'u');
          } catch {
            errors.push(`${where}'pattern' is not a valid regular expression`);
          }
        }
        if (step.patternError && step.pattern === undefined) errors.push(`${where}'patternError' is set but 'pattern' is not`);
        blankTranslations(where, 'patternError', step.patternError, errors);
        if (step.minLength !== undefined && step.maxLength !== undefined && step.minLength > step.maxLength) {
          errors.push(`${where}'minLength' is greater than 'maxLength'`);
        }
        break;
      case 'ask_number':
        if (step.min !== undefined && step.max !== undefined && step.min > step.max) errors.push(`${where}'min' is greater than 'max'`);
        break;
      case 'ask_date':
        for (const bound of ['min', 'max'] as const) {
          const value = step[bound];
          if (value !== undefined && !realIsoDate(value)) errors.push(`${where}'${bound}' must be a date: '${value}' does not exist`);
        }
        if (step.min && step.max && ISO_DATE.test(step.min) && ISO_DATE.test(step.max) && step.min > step.max) {
          errors.push(`${where}'min' is after 'max'`);
        }
        break;
      case 'ask_media':
        if (new Set(step.accept).size !== step.accept.length) errors.push(`${where}'accept' lists a kind twice`);
        break;
      case 'call_department':
        for (const [name, value] of Object.entries(step.params ?? {})) {
          for (const ref of value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
            const target = ref[1];
            if (!byId.has(target)) errors.push(`${where}'params.${name}' refers to unknown step '${target}'`);
            else if (!seen.has(target)) errors.push(`${where}'params.${name}' refers to step '${target}', which is asked later`);
          }
        }
        break;
      case 'make_payment':
        if (typeof step.amount === 'object') {
          const target = step.amount.step;
          const source = seen.get(target);
          if (!byId.has(target)) errors.push(`${where}'amount' refers to unknown step '${target}'`);
          else if (!source) errors.push(`${where}'amount' refers to step '${target}', which is asked later`);
          else if (source.type !== 'ask_number' && source.type !== 'call_department') {
            errors.push(`${where}'amount' must come from an ask_number or call_department step, not ${source.type}`);
          } else if (source.type === 'call_department' && step.amount.field === undefined) {
            errors.push(`${where}'amount' from a call_department step needs 'field' (which part of the answer is the amount)`);
          }
        }
        break;
      case 'ask_aadhaar': case 'ask_mobile': case 'ask_pincode': case 'ask_email': case 'ask_location': case 'show_info':
        break;
      default: {
        const unhandled: never = step;
        errors.push(`${where}unknown step type ${(unhandled as Step).type}`);
      }
    }
    seen.set(step.id, step);
  }
  return errors;
}
