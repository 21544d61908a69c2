/**
 * Words that carry no meaning for finding a service, in the three languages and in romanized
 * Telugu and Hindi: the filler of a whole-sentence request ("naaku income certificate kavali",
 * "mujhe jaati praman patra chahiye", "how to apply for a rice card"). They are dropped from both
 * the index and the query, so such a sentence scores like its key words alone.
 *
 * Keep it to filler. A word that can name the need MUST NOT be here, even when it is common:
 * "status", "new", "book", "pay", "check"; "where" / "ekkada" / "कहाँ" (the locator services:
 * "where is my bus", "secretariat ekkada"); problem words ("ledu" in "current ledu", "nahi" /
 * "नहीं" in "bijli nahi hai", "no" and "not" in "no power", "not working"). They stay, and the
 * index's IDF weighting already makes words found in many services count little. Romanized
 * words are also matched after folding (`foldSearchToken`), so "kaavaali" and "kavale" count as
 * "kavali" without being listed. "mee" / "మీ" (your) and "anna" (brother) are left out:
 * MeeSeva, Anna Canteen.
 */
export const SEARCH_STOPWORDS: ReadonlySet<string> = new Set<string>([
  // English
  'a', 'an', 'the', 'is', 'are', 'am', 'was', 'were', 'be', 'been', 'i', 'me', 'my', 'mine', 'we', 'our', 'us',
  'you', 'your', 'he', 'she', 'his', 'her', 'they', 'their', 'it', 'its', 'this', 'that', 'these', 'those',
  'to', 'of', 'for', 'in', 'on', 'at', 'by', 'and', 'or', 'with', 'from', 'about', 'into', 'so', 'also',
  'please', 'pls', 'plz', 'kindly', 'want', 'wanted', 'wants', 'need', 'needed', 'needs', 'would', 'like',
  'apply', 'applying', 'get', 'getting', 'got', 'give', 'tell', 'know', 'help', 'how', 'what',
  'when', 'which', 'who', 'why', 'can', 'could', 'should', 'will', 'shall', 'may', 'must', 'do', 'does',
  'did', 'have', 'has', 'had', 'there', 'here', 'since', 'sir', 'madam', 'hi', 'hello',
  'dear', 'ok', 'okay', 'thanks', 'thank', 'some', 'any', 'one', 'just', 'now', 'want', 'required',
  ...romanizedStopwords(),
  // Telugu
  'కావాలి', 'కావలెను', 'కావాలండి', 'కావాలంటే', 'నాకు', 'నేను', 'మాకు', 'మా', 'నా', 'లో', 'కి', 'కు',
  'ని', 'ను', 'తో', 'ఎలా', 'ఎప్పుడు', 'ఎందుకు', 'ఎవరు', 'ఏమిటి', 'ఏం', 'కోసం', 'గురించి', 'దయచేసి', 'ఒక', 'ఈ', 'ఆ', 'అండి',
  'గారు', 'చేయాలి', 'చేయండి', 'ఇవ్వండి', 'చెప్పండి', 'ఉంది',
  // Hindi
  'का', 'की', 'के', 'है', 'हैं', 'था', 'हो', 'में', 'मैं', 'मेरा', 'मेरी', 'मेरे', 'मुझे', 'मुझको', 'हमें',
  'हमारे', 'हमारा', 'चाहिए', 'चाहिये', 'को', 'से', 'और', 'भी', 'कैसे', 'क्या', 'कब', 'क्यों', 'कौन', 'करें',
  'करना', 'करनी', 'करने', 'कराना', 'करवाना', 'कराएं', 'करवाएं', 'करवाना', 'करें', 'लिए', 'कृपया', 'दीजिए', 'बताइए', 'बताओ', 'यह', 'ये', 'वह', 'कोई', 'अपना',
  'अपनी', 'पर', 'तो', 'जी',
]);

/**
 * The romanized Telugu and Hindi stop words, which citizens spell many ways. A Latin token of
 * four letters or more is also a stop word when it folds (`foldSearchToken`) to the same key as
 * one of these; English words are not matched that way, since folding "thanks" gives "tank".
 */
export const ROMANIZED_SEARCH_STOPWORDS: readonly string[] = romanizedStopwords();

function romanizedStopwords(): string[] {
  return [
    // romanized Telugu
    'kavali', 'kaavali', 'kavalenu', 'kavalandi', 'kavalante', 'kavalani', 'naaku', 'naku', 'nenu', 'maaku',
    'maku', 'memu', 'ma', 'maa', 'na', 'meeru', 'miru', 'ki', 'ku', 'ni', 'nu', 'lo', 'tho', 'ela',
    'elaa', 'eppudu', 'enduku', 'evaru', 'enti', 'emiti', 'em', 'ani', 'andi', 'garu', 'gaaru', 'kosam',
    'gurinchi', 'oka', 'idi', 'adi', 'ee', 'aa', 'cheyali', 'cheyyali', 'cheyandi', 'cheyyandi', 'chey',
    'ivvandi', 'ivvali', 'cheppandi', 'teliyali', 'telusukovali', 'dayachesi', 'undi', 'unnadi', 'vundi',
    // romanized Hindi
    'mujhe', 'muje', 'mujhko', 'mera', 'meri', 'mere', 'hamara', 'hamari', 'hame', 'hamein', 'humein',
    'main', 'mai', 'ka', 'ke', 'ko', 'se', 'me', 'mein', 'hai', 'hain', 'ho', 'tha', 'chahiye', 'chahie',
    'chaiye', 'chahte', 'chahta', 'chahti', 'karna', 'karni', 'karne', 'karana', 'karwana', 'kaise', 'kya', 'kab',
    'kyun', 'kyu', 'kaun',
    'batao', 'bataiye', 'kripya', 'krupaya', 'liye', 'lie', 'ye', 'yeh', 'woh', 'aur', 'bhi', 'koi', 'apna',
    'apni', 'kijiye', 'dijiye', 'ji',
  ];
}
