/**
 * Renders a registered template as the citizen would see it, for the simulator and the Graph
 * API double (which show messages instead of delivering them).
 */
import { isLang, type Lang } from '../../lib/languages.ts';
import { TEMPLATES } from './templates.ts';

/**
 * The approved body of template `name` in language `lang` (ours, or Meta's code) with its
 * `{{param}}` placeholders filled from `params`. Undefined when the template or the language is
 * not registered. A missing parameter is left as `{{param}}` so it shows in tests.
 */
export function renderTemplate(name: string, lang: string, params: Record<string, string>): string | undefined {
  const template = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (template === undefined) return undefined;
  const ourLang: Lang | undefined = isLang(lang)
    ? lang
    : (Object.keys(template.languages) as Lang[]).find((l) => template.languages[l] === lang);
  if (ourLang === undefined) return undefined;
  return template.body[ourLang].replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? params[key] : whole,
  );
}
