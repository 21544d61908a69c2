/**
 * The languages a citizen can choose. Telugu first: it is the state's language and most
 * citizens' first choice. Every citizen-facing text MUST exist in all three.
 */
export const LANGUAGES = ['te', 'en', 'hi'] as const;

/** A language code a citizen can choose. */
export type Lang = (typeof LANGUAGES)[number];

/** A text in every language a citizen can choose. */
export type Localized = Record<Lang, string>;

/** True when `value` is one of {@link LANGUAGES}. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Fills `{name}` placeholders in `text` from `params`. A placeholder with no value is left as
 * it is, so a missing parameter shows up in tests instead of vanishing.
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
