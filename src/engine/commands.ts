/**
 * Words a citizen can type at any point (issue #2 §5), in Telugu, English and Hindi, plus the
 * romanised forms people commonly type. Matched against `normalizeInput` of the whole message,
 * so "Hi!!", " MENU " and "hi 🙏" count, but "hi, I need a certificate" does not.
 */
import { normalizeInput } from './normalize-input.ts';

/** A global command. */
export type Command = 'greeting' | 'back' | 'cancel' | 'help' | 'language' | 'skip';

const WORDS: Record<Command, readonly string[]> = {
  greeting: [
    'hi', 'hii', 'hiii', 'hai', 'hello', 'helo', 'hello mitra', 'hi mitra', 'hey', 'namaste', 'namaskar', 'namaskaram',
    'namasthe', 'start', 'menu', 'main menu', '0',
    'నమస్తే', 'నమస్కారం', 'నమస్కారము', 'మెనూ', 'మెను', 'హాయ్', 'హలో',
    'नमस्ते', 'नमस्कार', 'मेनू', 'मेन्यू', 'हाय', 'हेलो', 'हैलो',
  ],
  back: ['back', 'go back', 'previous', 'venakki', 'వెనక్కి', 'వెనుకకు', 'వెనక్కు', 'पीछे', 'वापस', 'peeche', 'piche', 'wapas', 'vapas'],
  cancel: ['cancel', 'stop', 'quit', 'exit', 'raddu', 'రద్దు', 'రద్దు చేయండి', 'రద్దు చేయి', 'radd', 'रद्द', 'रद्द करें', 'रद्द करो'],
  help: ['help', 'help me', 'sahayam', 'సహాయం', 'సహాయము', 'సాయం', 'madad', 'मदद', 'सहायता', 'help chahiye'],
  language: ['language', 'change language', 'lang', 'bhasha', 'భాష', 'భాష మార్చు', 'భాష మార్చండి', 'भाषा', 'भाषा बदलें', 'भाषा बदलो'],
  skip: ['skip', 'దాటవేయి', 'దాటవేయండి', 'వదిలేయి', 'వదిలేయండి', 'छोड़ें', 'छोड़ो', 'छोड़ दें', 'chhodo', 'chodo'],
};

const LOOKUP: ReadonlyMap<string, Command> = new Map(
  (Object.entries(WORDS) as [Command, readonly string[]][]).flatMap(([command, words]) =>
    words.map((w) => [normalizeInput(w), command] as const)),
);

/** The command `text` is, or null for anything else. */
export function detectCommand(text: string): Command | null {
  return LOOKUP.get(normalizeInput(text)) ?? null;
}

/**
 * Words that, typed before a query, make it a search from any point of the conversation, even
 * in the middle of a question ("search ration card", "వెతుకు రేషన్ కార్డు", "खोजें राशन कार्ड").
 * A trailing "?" on a lone word list is not used: questions are answers in text steps.
 */
const SEARCH_PREFIXES: readonly string[] = [
  'search', 'find', 'search for', 'look for', 'vetuku', 'vethuku', 'vetukku', 'వెతుకు', 'వెతకండి',
  'khojo', 'khojen', 'khoje', 'खोजें', 'खोजो', 'खोज', 'ढूंढो', 'ढूँढो', 'ढूंढें',
].map(normalizeInput).sort((a, b) => b.length - a.length);

/** The query after a search prefix ("search caste" → "caste"), or null when there is none. */
export function searchQuery(text: string): string | null {
  const typed = normalizeInput(text);
  for (const prefix of SEARCH_PREFIXES) {
    if (typed.startsWith(`${prefix} `)) {
      const query = typed.slice(prefix.length + 1).trim();
      return query.length > 0 ? query : null;
    }
  }
  return null;
}
