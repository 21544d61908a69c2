/**
 * The message a citizen gets when Mitra failed to handle one of theirs (a bug, not their
 * fault). In their language when we know it; otherwise in all three, Telugu first.
 */
import { LANGUAGES, isLang, type Localized } from '../../lib/languages.ts';

/** The apology, per language. */
export const APOLOGY_TEXT: Localized = {
  te: 'క్షమించండి, మీ సందేశాన్ని నిర్వహించేటప్పుడు మా వైపు ఒక సమస్య వచ్చింది. దయచేసి కొద్దిసేపటి తర్వాత మళ్ళీ ప్రయత్నించండి.',
  en: 'Sorry, something went wrong on our side while handling your message. Please try again in a little while.',
  hi: 'क्षमा करें, आपका संदेश संभालते समय हमारी ओर से कोई समस्या आ गई। कृपया थोड़ी देर बाद फिर से कोशिश करें।',
};

/** The apology in `lang`, or in every language (one paragraph each) when `lang` is unknown. */
export function apologyText(lang: unknown): string {
  if (isLang(lang)) return APOLOGY_TEXT[lang];
  return LANGUAGES.map((l) => APOLOGY_TEXT[l]).join('\n\n');
}
