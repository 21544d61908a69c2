/**
 * Words that carry no meaning for finding a service, in the three languages and in romanized
 * Telugu and Hindi. They are dropped from both the index and the query, so "I want the income
 * certificate please" and "income certificate" score the same. Keep this list short: a word
 * that names a problem ("ledu" in "current ledu", "नहीं" in "बिजली नहीं") is left in on purpose
 * when it also appears in keywords, since dropping it from both sides is harmless.
 */
export const SEARCH_STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'the', 'is', 'are', 'am', 'i', 'me', 'my', 'we', 'our', 'you', 'your', 'to', 'of',
  'for', 'in', 'on', 'at', 'and', 'or', 'please', 'pls', 'plz', 'want', 'need', 'apply',
  'get', 'how', 'what', 'where', 'can', 'do', 'does', 'with', 'from', 'about', 'not', 'no',
  'it', 'this', 'that', 'be', 'have', 'has', 'there', 'since', 'sir', 'madam', 'hi', 'hello',
  // romanized Telugu and Hindi
  'kavali', 'kaavali', 'naaku', 'naku', 'na', 'ki', 'ku', 'lo', 'ela', 'mujhe', 'chahiye', 'hai',
  'ka', 'ke', 'ko', 'mera', 'meri', 'kaise',
  // Telugu
  'కావాలి', 'నాకు', 'నా', 'లో', 'కి', 'కు', 'ఎలా', 'దయచేసి', 'మా',
  // Hindi
  'का', 'की', 'के', 'है', 'हैं', 'में', 'मेरा', 'मेरी', 'मेरे', 'मुझे', 'चाहिए', 'को', 'से', 'और',
  'कैसे', 'करें', 'लिए', 'कृपया', 'हमारे', 'हमें',
]);
