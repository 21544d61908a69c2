/**
 * Evaluates a step's `when` condition against the answers so far. Unanswered and skipped steps
 * make `equals` and `in` false, and `answered` reports them as not answered.
 */
import type { Condition } from './definition/schema.ts';
import type { AnswerValue } from './answer-value.ts';

/** True when `condition` holds for `answers` (missing or null answers count as not given). */
export function conditionHolds(condition: Condition, answers: Readonly<Record<string, AnswerValue | null>>): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ('not' in condition) return !conditionHolds(condition.not, answers);
  const value = answers[condition.step];
  const given = value !== undefined && value !== null;
  if ('answered' in condition) return given === condition.answered;
  if (!given || typeof value === 'object') return false;
  if ('equals' in condition) return value === condition.equals;
  return (condition.in as (string | number)[]).some((v) => v === value);
}
