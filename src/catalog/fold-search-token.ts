/**
 * Folds one search token (already lower-cased and NFC, from `tokenizeSearchText`) to a key that
 * spelling variants share, so the index and the query meet even when the citizen spells a word
 * the way it sounds. The index stores folded terms only and every query token is folded the
 * same way: both sides MUST go through this one function.
 *
 * Latin script (English, and Telugu or Hindi typed on an English keyboard, where there is no
 * agreed spelling: "dhruvikarana" / "druveekarana", "karentu" / "current", "patramu" / "patram"):
 * - c is k, or s before e, i, y ("certificate" → "sertifikat", "kula" stays);
 * - aspiration is dropped (th, dh, bh, kh, gh, jh → t, d, b, k, g, j; sh → s; ch → c; ph → f);
 * - w → v, z → j, q → k, x → ks;
 * - long vowels are short (aa → a, ee, ii → i, oo, uu → u) and doubled letters single;
 * - a plural s (words of 5+ letters, not -ss, -us, -is) and then one final vowel (words of 5+
 *   letters) are dropped, the endings Telugu speakers add or leave off ("karentu", "kavali" /
 *   "kavale", "certificat").
 *
 * Telugu and Devanagari script (keyboards and habits differ mostly in length and aspiration):
 * - long vowels fold into short ones (ీ → ి, ూ → ు, ే → ె, ో → ొ, and the independent letters);
 * - aspirated consonants into plain ones (ధ → ద, భ → బ, …), ణ → న, ళ → ల, శ and ష → స;
 * - a nasal consonant with virama before a consonant into anusvara (ఇన్కమ్ ≈ ఇంకమ్);
 * - a doubled consonant (ట్ట) into one; ృ into ్రు (ధృవ ≈ ధ్రువ);
 * - Telugu endings: ము → ం, then one final ం, ు or ్ is dropped (పత్రము, పత్రం → పత్ర; కరెంటు,
 *   కరెంట్ → కరెంట); Devanagari: a final virama.
 * Other tokens (digits, other scripts) are returned unchanged. Pure and deterministic.
 */
export function foldSearchToken(token: string): string {
  let folded = memo.get(token);
  if (folded === undefined) {
    folded = LATIN.test(token) ? foldLatin(token)
      : TELUGU.test(token) ? foldTelugu(token)
      : DEVANAGARI.test(token) ? foldDevanagari(token)
      : token;
    // Building an index folds every word of every text, most of them many times over (a
    // catalog's vocabulary is far smaller than its text): remember recent answers. Cleared when
    // full rather than LRU-managed; the next few hundred calls refill it.
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(token, folded);
  }
  return folded;
}

/** Most tokens whose folded form is remembered. */
const MEMO_SIZE = 100_000;
const memo = new Map<string, string>();

const LATIN = /^[a-z]+$/;
const TELUGU = /[\u0c00-\u0c7f]/;
const DEVANAGARI = /[\u0900-\u097f]/;

function foldLatin(token: string): string {
  let t = token
    .replace(/ck/g, 'k')
    // c before e, i, y sounds s; otherwise k, except in "ch" (a sound of its own in Telugu and Hindi).
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/([tdbkgjsc])h/g, '$1')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/([a-z])\1+/g, '$1');
  // Plural s, but not the s of Latin words ("status", "bonus", "basis": -us, -is) or of "ss".
  if (t.length >= 5 && /[^siu]s$/.test(t)) t = t.slice(0, -1);
  // A final vowel, leaving at least four letters: shorter stems ("ris" from "rice") would be
  // prefixes of too many words.
  if (t.length >= 5 && /[aeiou]$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** Telugu letters folded one for one: long vowels, aspirates, retroflex and sibilant variants. */
const TELUGU_LETTERS: Record<string, string> = {
  '\u0c40': '\u0c3f', '\u0c42': '\u0c41', '\u0c47': '\u0c46', '\u0c4b': '\u0c4a', // ీ ూ ే ో
  '\u0c08': '\u0c07', '\u0c0a': '\u0c09', '\u0c0f': '\u0c0e', '\u0c13': '\u0c12', // ఈ ఊ ఏ ఓ
  '\u0c16': '\u0c15', '\u0c18': '\u0c17', '\u0c1b': '\u0c1a', '\u0c1d': '\u0c1c', // ఖ ఘ ఛ ఝ
  '\u0c20': '\u0c1f', '\u0c22': '\u0c21', '\u0c25': '\u0c24', '\u0c27': '\u0c26', // ఠ ఢ థ ధ
  '\u0c2b': '\u0c2a', '\u0c2d': '\u0c2c', // ఫ భ
  '\u0c23': '\u0c28', '\u0c33': '\u0c32', '\u0c36': '\u0c38', '\u0c37': '\u0c38', // ణ ళ శ ష
  '\u0c43': '\u0c4d\u0c30\u0c41', // ృ → ్రు
};
const TELUGU_LETTER = /[\u0c40\u0c42\u0c47\u0c4b\u0c08\u0c0a\u0c0f\u0c13\u0c16\u0c18\u0c1b\u0c1d\u0c20\u0c22\u0c25\u0c27\u0c2b\u0c2d\u0c23\u0c33\u0c36\u0c37\u0c43]/g;
/** A nasal consonant with virama (ఙ్ ఞ్ న్ మ్; ణ is already న) before a consonant. */
const TELUGU_NASAL = /[\u0c19\u0c1e\u0c28\u0c2e]\u0c4d(?=[\u0c15-\u0c39])/g;
/** The same consonant twice, joined by a virama. */
const TELUGU_DOUBLE = /([\u0c15-\u0c39])\u0c4d\1/g;

function foldTelugu(token: string): string {
  let t = token
    .replace(TELUGU_LETTER, (c) => TELUGU_LETTERS[c])
    .replace(TELUGU_DOUBLE, '$1')
    .replace(TELUGU_NASAL, '\u0c02')
    .replace(/\u0c2e\u0c41$/, '\u0c02');
  if (Array.from(t).length >= 4 && /[\u0c02\u0c41\u0c4d]$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** Devanagari letters folded one for one, as for Telugu. */
const DEVANAGARI_LETTERS: Record<string, string> = {
  '\u0940': '\u093f', '\u0942': '\u0941', '\u0908': '\u0907', '\u090a': '\u0909', // ी ू ई ऊ
  '\u0916': '\u0915', '\u0918': '\u0917', '\u091b': '\u091a', '\u091d': '\u091c', // ख घ छ झ
  '\u0920': '\u091f', '\u0922': '\u0921', '\u0925': '\u0924', '\u0927': '\u0926', // ठ ढ थ ध
  '\u092b': '\u092a', '\u092d': '\u092c', // फ भ
  '\u0923': '\u0928', '\u0936': '\u0938', '\u0937': '\u0938', // ण श ष
};
const DEVANAGARI_LETTER = /[\u0940\u0942\u0908\u090a\u0916\u0918\u091b\u091d\u0920\u0922\u0925\u0927\u092b\u092d\u0923\u0936\u0937]/g;
const DEVANAGARI_NASAL = /[\u0919\u091e\u0928\u092e]\u094d(?=[\u0915-\u0939])/g;
const DEVANAGARI_DOUBLE = /([\u0915-\u0939])\u094d\1/g;

function foldDevanagari(token: string): string {
  return token
    .replace(DEVANAGARI_LETTER, (c) => DEVANAGARI_LETTERS[c])
    .replace(DEVANAGARI_DOUBLE, '$1')
    .replace(DEVANAGARI_NASAL, '\u0902')
    .replace(/\u094d$/, '');
}
