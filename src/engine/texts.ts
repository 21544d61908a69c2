/**
 * Every system text a citizen can see, in Telugu, English and Hindi, in one place so that
 * translators review one file and a missing language is a compile error (`Localized` needs all
 * three). Service-specific texts (questions, names) come from the service definitions instead.
 * `{name}` placeholders are filled with `fill` from lib/languages.ts.
 */
import { fill, type Lang, type Localized } from '../lib/languages.ts';

/** The system texts, by message key. Validation reasons returned by steps are keys of this. */
export const TEXTS = {
  // --- welcome and language ------------------------------------------------------------
  welcome: {
    te: 'నమస్కారం! 🙏 మిత్రకు స్వాగతం — ఆంధ్రప్రదేశ్ ప్రభుత్వ సేవలు ఇప్పుడు మీ వాట్సాప్‌లో.',
    en: 'Welcome to Mitra — Andhra Pradesh government services, right here on WhatsApp.',
    hi: 'नमस्ते! मित्र में आपका स्वागत है — आंध्र प्रदेश सरकार की सेवाएँ अब आपके व्हाट्सऐप पर।',
  },
  choose_language: {
    te: 'దయచేసి మీ భాషను ఎంచుకోండి.',
    en: 'Please choose your language.',
    hi: 'कृपया अपनी भाषा चुनें।',
  },
  language_set: {
    te: 'సరే, ఇకపై తెలుగులో మాట్లాడుకుందాం.',
    en: "Done, we'll continue in English.",
    hi: 'ठीक है, अब हम हिंदी में बात करेंगे।',
  },
  // --- main menu -----------------------------------------------------------------------
  menu_body: {
    te: 'మీకు ఏ సేవ కావాలి? మెనూ నుండి ఎంచుకోండి, లేదా మీకు కావలసింది నేరుగా టైప్ చేయండి (ఉదా: ఆదాయ ధృవీకరణ పత్రం).',
    en: 'How can I help you today? Choose from the menu, or simply type what you need (for example: income certificate).',
    hi: 'मैं आपकी क्या सहायता करूँ? मेनू से चुनें, या जो चाहिए वह सीधे लिखें (जैसे: आय प्रमाण पत्र)।',
  },
  menu_button: { te: 'మెనూ చూడండి', en: 'Open menu', hi: 'मेनू देखें' },
  menu_section: { te: 'ప్రధాన మెనూ', en: 'Main menu', hi: 'मुख्य मेनू' },
  row_resume: { te: '▶ కొనసాగించండి', en: '▶ Resume', hi: '▶ जारी रखें' },
  row_popular: { te: 'ప్రముఖ సేవలు', en: 'Popular services', hi: 'लोकप्रिय सेवाएँ' },
  row_popular_desc: { te: 'ఎక్కువ మంది వాడే సేవలు', en: 'The services most people use', hi: 'सबसे ज़्यादा इस्तेमाल होने वाली सेवाएँ' },
  row_departments: { te: 'శాఖల వారీగా సేవలు', en: 'Browse by department', hi: 'विभाग के अनुसार' },
  row_departments_desc: { te: 'శాఖను ఎంచుకుని, తర్వాత సేవను ఎంచుకోండి', en: 'Pick a department, then a service', hi: 'पहले विभाग चुनें, फिर सेवा' },
  row_search: { te: 'సేవను వెతకండి', en: 'Type what you need', hi: 'सेवा खोजें' },
  row_search_desc: { te: 'మీకు కావలసింది మీ మాటల్లో టైప్ చేయండి', en: 'Describe it in your own words', hi: 'जो चाहिए, अपने शब्दों में लिखें' },
  row_applications: { te: 'నా దరఖాస్తులు', en: 'My applications', hi: 'मेरे आवेदन' },
  row_applications_desc: { te: 'దరఖాస్తుల స్థితి తెలుసుకోండి', en: 'Check their status', hi: 'आवेदनों की स्थिति देखें' },
  row_documents: { te: 'నా పత్రాలు', en: 'My documents', hi: 'मेरे दस्तावेज़' },
  row_documents_desc: { te: 'జారీ అయిన సర్టిఫికెట్లు మళ్లీ పొందండి', en: 'Get your certificates again', hi: 'अपने प्रमाण पत्र फिर से पाएँ' },
  row_grievance: { te: 'ఫిర్యాదు చేయండి', en: 'Raise a grievance', hi: 'शिकायत दर्ज करें' },
  row_grievance_desc: { te: 'మీ సమస్యను అధికారులకు తెలపండి', en: 'Tell the officers about a problem', hi: 'अपनी समस्या अधिकारियों तक पहुँचाएँ' },
  row_language: { te: 'భాష మార్చండి', en: 'Change language', hi: 'भाषा बदलें' },
  row_language_desc: { te: 'తెలుగు / English / हिंदी', en: 'తెలుగు / English / हिंदी', hi: 'తెలుగు / English / हिंदी' },
  row_help: { te: 'సహాయం', en: 'Help', hi: 'सहायता' },
  row_help_desc: { te: 'మిత్రను ఎలా వాడాలి', en: 'How to use Mitra', hi: 'मित्र का उपयोग कैसे करें' },
  row_back_menu: { te: '◀ ప్రధాన మెనూ', en: '◀ Main menu', hi: '◀ मुख्य मेनू' },
  row_more: { te: 'మరిన్ని ▶', en: 'More ▶', hi: 'और देखें ▶' },
  row_previous: { te: '◀ వెనుకకు', en: '◀ Previous', hi: '◀ पिछला' },
  paused: {
    te: 'మీ "{name}" దరఖాస్తు దాచి ఉంచాం; మెనూలో "కొనసాగించండి" నొక్కి ఎప్పుడైనా కొనసాగించవచ్చు.',
    en: 'Your "{name}" application is saved; tap "Resume" in the menu to continue any time.',
    hi: 'आपका "{name}" आवेदन सहेज लिया गया है; जारी रखने के लिए मेनू में "जारी रखें" चुनें।',
  },
  // --- finding a service ---------------------------------------------------------------
  popular_body: {
    te: 'ఎక్కువ మంది వాడే సేవలు ఇవి. ఒకదాన్ని ఎంచుకోండి.',
    en: 'These are the services people use most. Pick one.',
    hi: 'ये सबसे ज़्यादा इस्तेमाल होने वाली सेवाएँ हैं। एक चुनें।',
  },
  services_button: { te: 'సేవలు చూడండి', en: 'View services', hi: 'सेवाएँ देखें' },
  services_section: { te: 'సేవలు', en: 'Services', hi: 'सेवाएँ' },
  row_popular_star: { te: '⭐ ప్రముఖ సేవలు', en: '⭐ Popular services', hi: '⭐ लोकप्रिय सेवाएँ' },
  row_recent: { te: '🕘 ఇటీవల వాడినవి', en: '🕘 Recently used', hi: '🕘 हाल में इस्तेमाल' },
  row_recent_desc: { te: 'మీరు ఇటీవల వాడిన సేవలు', en: 'Services you used lately', hi: 'आपकी हाल की सेवाएँ' },
  recent_body: {
    te: 'మీరు ఇటీవల వాడిన సేవలు ఇవి. ఒకదాన్ని ఎంచుకోండి.',
    en: 'These are the services you used lately. Choose one.',
    hi: 'ये वे सेवाएँ हैं जो आपने हाल में इस्तेमाल कीं। एक चुनें।',
  },
  departments_body: {
    te: 'శాఖను ఎంచుకోండి (మొత్తం {total} లో {from}–{to}).',
    en: 'Choose a department ({from}–{to} of {total}).',
    hi: 'विभाग चुनें ({total} में से {from}–{to})।',
  },
  departments_button: { te: 'శాఖలు చూడండి', en: 'Departments', hi: 'विभाग देखें' },
  departments_section: { te: 'శాఖలు', en: 'Departments', hi: 'विभाग' },
  department_body: {
    te: '{department}: సేవను ఎంచుకోండి (మొత్తం {total} లో {from}–{to}).',
    en: '{department}: choose a service ({from}–{to} of {total}).',
    hi: '{department}: सेवा चुनें ({total} में से {from}–{to})।',
  },
  department_empty: {
    te: 'ఈ శాఖ సేవలు ఇంకా మిత్రలో అందుబాటులో లేవు.',
    en: 'This department has no services on Mitra yet.',
    hi: 'इस विभाग की कोई सेवा अभी मित्र पर उपलब्ध नहीं है।',
  },
  search_prompt: {
    te: 'మీకు ఏ సేవ కావాలో మీ మాటల్లో టైప్ చేయండి. ఉదా: "కుల ధృవీకరణ పత్రం" లేదా "రేషన్ కార్డు".',
    en: 'Type what you need in your own words, for example "caste certificate" or "ration card".',
    hi: 'आपको क्या चाहिए, अपने शब्दों में लिखें, जैसे "जाति प्रमाण पत्र" या "राशन कार्ड"।',
  },
  search_many: {
    te: '"{query}" కోసం ఈ సేవలు దొరికాయి. సరైనదాన్ని ఎంచుకోండి.',
    en: 'I found these services for "{query}". Pick the right one.',
    hi: '"{query}" के लिए ये सेवाएँ मिलीं। सही सेवा चुनें।',
  },
  search_none: {
    te: 'క్షమించండి, "{query}" కి సరిపోయే సేవ దొరకలేదు. వేరే మాటలతో మళ్లీ టైప్ చేయండి, లేదా మెనూ నుండి ఎంచుకోండి.',
    en: 'Sorry, I couldn\'t find a service for "{query}". Try other words, or choose from the menu.',
    hi: 'माफ़ कीजिए, "{query}" के लिए कोई सेवा नहीं मिली। दूसरे शब्दों में लिखें, या मेनू से चुनें।',
  },
  // --- applications, documents, grievances, help ---------------------------------------
  applications_header: { te: 'మీ దరఖాస్తులు:', en: 'Your applications:', hi: 'आपके आवेदन:' },
  applications_none: {
    te: 'మీరు ఇంకా ఏ దరఖాస్తూ చేయలేదు.',
    en: 'You have no applications yet.',
    hi: 'आपने अभी तक कोई आवेदन नहीं किया है।',
  },
  documents_body: {
    te: 'మీ పత్రాలు ఇవి. ఒకదాన్ని ఎంచుకుంటే దాని PDF పంపుతాను.',
    en: "Here are your documents. Choose one and I'll send you the PDF.",
    hi: 'ये आपके दस्तावेज़ हैं। एक चुनें, उसकी PDF आपको भेज दी जाएगी।',
  },
  documents_button: { te: 'పత్రాలు చూడండి', en: 'My documents', hi: 'दस्तावेज़ देखें' },
  documents_none: {
    te: 'మీకు ఇంకా ఏ పత్రాలూ జారీ కాలేదు.',
    en: 'No documents have been issued to you yet.',
    hi: 'आपको अभी तक कोई दस्तावेज़ जारी नहीं हुआ है।',
  },
  grievances_body: {
    te: 'మీ ఫిర్యాదు దేని గురించి?',
    en: 'What is your grievance about?',
    hi: 'आपकी शिकायत किस बारे में है?',
  },
  grievances_none: {
    te: 'క్షమించండి, ఫిర్యాదు సేవ ప్రస్తుతం అందుబాటులో లేదు.',
    en: 'Sorry, grievances cannot be raised here right now.',
    hi: 'माफ़ कीजिए, शिकायत सेवा अभी उपलब्ध नहीं है।',
  },
  help_general: {
    te: 'మిత్రను ఇలా వాడండి:\n• "Hi" లేదా "మెనూ" అని పంపితే ప్రధాన మెనూ వస్తుంది.\n• మీకు కావలసిన సేవ పేరు టైప్ చేయండి, ఉదా: "ఆదాయ ధృవీకరణ పత్రం". ఏ ప్రశ్న దగ్గరైనా "వెతుకు" తర్వాత సేవ పేరు పంపి వెతకవచ్చు.\n• ప్రశ్నలకు ఒక్కొక్కటిగా జవాబు ఇవ్వండి. "వెనక్కి" — ముందు ప్రశ్న, "రద్దు" — దరఖాస్తు రద్దు, "భాష" — భాష మార్పు.\n• మీ జవాబులు భద్రంగా దాచబడతాయి; మధ్యలో ఆపినా తర్వాత కొనసాగించవచ్చు.',
    en: 'How to use Mitra:\n• Send "Hi" or "menu" for the main menu.\n• Type the service you need, for example "income certificate". In the middle of a question, send "search" and the service, for example "search ration card".\n• Answer the questions one at a time. "back" goes to the previous question, "cancel" cancels the application, "language" changes the language.\n• Your answers are saved; if you stop half-way you can continue later.',
    hi: 'मित्र का उपयोग ऐसे करें:\n• मुख्य मेनू के लिए "Hi" या "मेनू" भेजें।\n• जो सेवा चाहिए उसका नाम लिखें, जैसे "आय प्रमाण पत्र"। किसी सवाल के बीच "खोजें" और सेवा का नाम भेजें, जैसे "खोजें राशन कार्ड"।\n• सवालों के जवाब एक-एक करके दें। "पीछे" — पिछला सवाल, "रद्द" — आवेदन रद्द, "भाषा" — भाषा बदलें।\n• आपके उत्तर सुरक्षित रहते हैं; बीच में रुकने पर बाद में जारी रख सकते हैं।',
  },
  help_step: {
    te: 'కింది ప్రశ్నకు జవాబు ఇవ్వండి. "వెనక్కి" — ముందు ప్రశ్న, "రద్దు" — దరఖాస్తు రద్దు, "మెనూ" — ప్రధాన మెనూ (మీ జవాబులు దాచబడతాయి).',
    en: 'Answer the question below. "back" goes to the previous question, "cancel" cancels the application, "menu" opens the main menu (your answers are kept).',
    hi: 'नीचे दिए सवाल का जवाब दें। "पीछे" — पिछला सवाल, "रद्द" — आवेदन रद्द, "मेनू" — मुख्य मेनू (आपके उत्तर सहेजे रहेंगे)।',
  },
  // --- starting a service --------------------------------------------------------------
  intro_receives: { te: '📄 మీకు లభించేది: {receives}', en: '📄 You receive: {receives}', hi: '📄 आपको मिलेगा: {receives}' },
  intro_documents: { te: '📎 కావలసిన పత్రాలు:', en: '📎 Documents needed:', hi: '📎 ज़रूरी दस्तावेज़:' },
  intro_no_documents: { te: '📎 ఏ పత్రాలూ అవసరం లేదు.', en: '📎 No documents needed.', hi: '📎 किसी दस्तावेज़ की ज़रूरत नहीं।' },
  fee_free: { te: '💰 రుసుము: ఉచితం', en: '💰 Fee: free', hi: '💰 शुल्क: निःशुल्क' },
  fee_amount: { te: '💰 రుసుము: ₹{amount}', en: '💰 Fee: ₹{amount}', hi: '💰 शुल्क: ₹{amount}' },
  intro_sla: { te: '⏱ గడువు: {days} పని దినాలు', en: '⏱ Time limit: {days} working days', hi: '⏱ समय सीमा: {days} कार्य दिवस' },
  intro_sla_one: { te: '⏱ గడువు: ఒక పని దినం', en: '⏱ Time limit: 1 working day', hi: '⏱ समय सीमा: 1 कार्य दिवस' },
  consent_default: {
    te: 'కొనసాగితే, మీరు ఇచ్చే వివరాలను సంబంధిత ప్రభుత్వ శాఖ ఈ దరఖాస్తు కోసం మాత్రమే ఉపయోగిస్తుంది. మీరు అంగీకరిస్తారా?',
    en: 'If you continue, the details you give will be used by the department concerned for this application only. Do you agree?',
    hi: 'आगे बढ़ने पर, आपकी दी गई जानकारी का उपयोग संबंधित विभाग केवल इसी आवेदन के लिए करेगा। क्या आप सहमत हैं?',
  },
  btn_agree: { te: 'అంగీకరిస్తున్నాను', en: 'I agree', hi: 'मैं सहमत हूँ' },
  btn_decline: { te: 'వద్దు, వెనక్కి', en: 'No, go back', hi: 'नहीं, वापस जाएँ' },
  // --- questions -----------------------------------------------------------------------
  skip_hint: {
    te: '(ఇది ఐచ్ఛికం — వదిలేయాలంటే "దాటవేయి" లేదా "skip" అని పంపండి)',
    en: '(Optional — send "skip" to leave it out)',
    hi: '(वैकल्पिक — छोड़ने के लिए "छोड़ें" या "skip" भेजें)',
  },
  hint_date: { te: 'ఉదా: 15-08-1990', en: 'For example: 15-08-1990', hi: 'उदाहरण: 15-08-1990' },
  hint_aadhaar: {
    te: '12 అంకెల ఆధార్ నంబర్ టైప్ చేయండి. అది ఎక్కడా పూర్తిగా చూపబడదు.',
    en: 'Type the 12-digit number. It is never shown in full.',
    hi: '12 अंकों का नंबर लिखें। इसे कहीं भी पूरा नहीं दिखाया जाता।',
  },
  hint_mobile: { te: 'ఉదా: 98765 43210', en: 'For example: 98765 43210', hi: 'उदाहरण: 98765 43210' },
  hint_pincode: { te: 'ఉదా: 520001', en: 'For example: 520001', hi: 'उदाहरण: 520001' },
  hint_media: {
    te: '📎 గుర్తు నొక్కి {kinds} పంపండి ({mb} MB లోపు).',
    en: 'Tap 📎 and send {kinds} (up to {mb} MB).',
    hi: '📎 दबाकर {kinds} भेजें ({mb} MB तक)।',
  },
  media_kind_image: { te: 'ఫోటో (JPG/PNG)', en: 'a photo (JPG/PNG)', hi: 'फ़ोटो (JPG/PNG)' },
  media_kind_pdf: { te: 'PDF', en: 'a PDF', hi: 'PDF' },
  word_or: { te: 'లేదా', en: 'or', hi: 'या' },
  choice_button: { te: 'ఎంపికలు', en: 'Options', hi: 'विकल्प' },
  choice_page: {
    te: '(మొత్తం {total} లో {from}–{to})',
    en: '({from}–{to} of {total})',
    hi: '({total} में से {from}–{to})',
  },
  // --- validation reasons (keys returned by steps) -------------------------------------
  text_needed: { te: 'దయచేసి జవాబును టైప్ చేయండి.', en: 'Please type your answer.', hi: 'कृपया अपना जवाब लिखें।' },
  text_too_short: {
    te: 'జవాబు కనీసం {minLength} అక్షరాలు ఉండాలి.',
    en: 'Please type at least {minLength} characters.',
    hi: 'कृपया कम से कम {minLength} अक्षर लिखें।',
  },
  text_too_long: {
    te: 'జవాబు {maxLength} అక్షరాలకు మించకూడదు.',
    en: 'Please keep it to {maxLength} characters or fewer.',
    hi: 'कृपया {maxLength} अक्षरों से ज़्यादा न लिखें।',
  },
  text_pattern: { te: 'ఈ జవాబు సరైన రూపంలో లేదు.', en: "That doesn't look right.", hi: 'यह जवाब सही रूप में नहीं है।' },
  number_format: {
    te: 'దయచేసి సంఖ్యను అంకెల్లో రాయండి, ఉదా: 45000.',
    en: 'Please type a number, for example 45000.',
    hi: 'कृपया संख्या अंकों में लिखें, जैसे 45000।',
  },
  number_integer: {
    te: 'దశాంశాలు లేకుండా పూర్ణ సంఖ్య రాయండి.',
    en: 'Please type a whole number, without decimals.',
    hi: 'कृपया दशमलव के बिना पूर्ण संख्या लिखें।',
  },
  number_too_small: { te: 'సంఖ్య కనీసం {min} ఉండాలి.', en: 'The number must be at least {min}.', hi: 'संख्या कम से कम {min} होनी चाहिए।' },
  number_too_large: {
    te: 'సంఖ్య {max} కంటే ఎక్కువ ఉండకూడదు.',
    en: 'The number must not be more than {max}.',
    hi: 'संख्या {max} से अधिक नहीं होनी चाहिए।',
  },
  date_format: {
    te: 'తేదీని రోజు-నెల-సంవత్సరం రూపంలో రాయండి, ఉదా: 15-08-1990.',
    en: 'Please write the date as day-month-year, for example 15-08-1990.',
    hi: 'कृपया तारीख दिन-महीना-साल के रूप में लिखें, जैसे 15-08-1990।',
  },
  date_not_real: {
    te: 'ఆ తేదీ క్యాలెండర్‌లో లేదు (ఉదా: ఫిబ్రవరి 31 ఉండదు). రోజు, నెల సరిచూసుకోండి.',
    en: 'That date does not exist (there is no 31 February, for example). Please check the day and month.',
    hi: 'यह तारीख कैलेंडर में नहीं है (जैसे 31 फ़रवरी नहीं होती)। कृपया दिन और महीना जाँचें।',
  },
  date_too_early: { te: 'తేదీ {min} లేదా ఆ తర్వాత ఉండాలి.', en: 'The date must be on or after {min}.', hi: 'तारीख {min} या उसके बाद की होनी चाहिए।' },
  date_too_late: { te: 'తేదీ {max} లేదా అంతకు ముందు ఉండాలి.', en: 'The date must be on or before {max}.', hi: 'तारीख {max} या उससे पहले की होनी चाहिए।' },
  choice_unknown: {
    te: 'దయచేసి ఇచ్చిన ఎంపికలలో ఒకదాన్ని నొక్కండి, లేదా దాని సంఖ్య టైప్ చేయండి.',
    en: 'Please tap one of the options, or type its number.',
    hi: 'कृपया दिए गए विकल्पों में से एक चुनें, या उसकी संख्या लिखें।',
  },
  aadhaar_length: { te: 'ఆధార్ నంబర్‌లో 12 అంకెలు ఉండాలి.', en: 'An Aadhaar number has 12 digits.', hi: 'आधार नंबर में 12 अंक होते हैं।' },
  aadhaar_first_digit: {
    te: 'ఆధార్ నంబర్ 0 లేదా 1 తో మొదలవదు.',
    en: 'An Aadhaar number never starts with 0 or 1.',
    hi: 'आधार नंबर 0 या 1 से शुरू नहीं होता।',
  },
  aadhaar_checksum: {
    te: 'ఈ ఆధార్ నంబర్ సరైనది కాదు — ఏదో ఒక అంకె తప్పుగా ఉండవచ్చు. కార్డు చూసి మళ్లీ టైప్ చేయండి.',
    en: 'This is not a valid Aadhaar number; a digit may be wrong. Please check your card and type it again.',
    hi: 'यह मान्य आधार नंबर नहीं है; कोई अंक गलत हो सकता है। कृपया कार्ड देखकर फिर से लिखें।',
  },
  mobile_length: { te: 'మొబైల్ నంబర్‌లో 10 అంకెలు ఉండాలి.', en: 'A mobile number has 10 digits.', hi: 'मोबाइल नंबर में 10 अंक होते हैं।' },
  mobile_first_digit: {
    te: 'మొబైల్ నంబర్ 6, 7, 8 లేదా 9 తో మొదలవుతుంది.',
    en: 'A mobile number starts with 6, 7, 8 or 9.',
    hi: 'मोबाइल नंबर 6, 7, 8 या 9 से शुरू होता है।',
  },
  pincode_format: {
    te: 'పిన్ కోడ్‌లో 6 అంకెలు ఉంటాయి, 0 తో మొదలవదు. ఉదా: 520001.',
    en: 'A PIN code has 6 digits and does not start with 0, for example 520001.',
    hi: 'पिन कोड में 6 अंक होते हैं और यह 0 से शुरू नहीं होता, जैसे 520001।',
  },
  email_format: {
    te: 'ఈమెయిల్ చిరునామా సరిగా లేదు. ఉదా: name@example.com',
    en: "That email address doesn't look right. For example: name@example.com",
    hi: 'ईमेल पता सही नहीं लगता। उदाहरण: name@example.com',
  },
  media_attach_needed: {
    te: 'దయచేసి 📎 గుర్తు నొక్కి ఫైల్‌ను జత చేయండి.',
    en: 'Please attach the file with the 📎 button.',
    hi: 'कृपया 📎 बटन दबाकर फ़ाइल जोड़ें।',
  },
  media_type: {
    te: 'ఈ రకమైన ఫైల్ స్వీకరించలేం. దయచేసి {kinds} పంపండి.',
    en: "This kind of file can't be accepted. Please send {kinds}.",
    hi: 'इस तरह की फ़ाइल स्वीकार नहीं है। कृपया {kinds} भेजें।',
  },
  media_too_large: {
    te: 'ఫైల్ చాలా పెద్దది. {mb} MB లోపు ఫైల్ పంపండి.',
    en: 'The file is too large. Please send one of at most {mb} MB.',
    hi: 'फ़ाइल बहुत बड़ी है। कृपया {mb} MB तक की फ़ाइल भेजें।',
  },
  media_failed: {
    te: 'ఫైల్ మాకు సరిగా అందలేదు. దయచేసి మళ్లీ పంపండి.',
    en: "The file didn't come through. Please send it again.",
    hi: 'फ़ाइल ठीक से नहीं मिली। कृपया फिर से भेजें।',
  },
  location_use_attach: {
    te: 'దయచేసి కింది బటన్ నొక్కి, లేదా 📎 → లొకేషన్ ద్వారా మీ స్థానాన్ని పంపండి.',
    en: 'Please share the location with the button below, or tap 📎 → Location.',
    hi: 'कृपया नीचे दिए बटन से, या 📎 → लोकेशन दबाकर अपनी लोकेशन भेजें।',
  },
  // --- review and submission -----------------------------------------------------------
  review_title: { te: 'దయచేసి మీ వివరాలు సరిచూసుకోండి:', en: 'Please check your details:', hi: 'कृपया अपना विवरण जाँच लें:' },
  review_more: {
    te: 'సరిగా ఉంటే "సమర్పించండి" నొక్కండి.',
    en: 'If all is correct, tap "Confirm & submit".',
    hi: 'सब सही हो तो "पुष्टि करें" दबाएँ।',
  },
  btn_confirm: { te: 'సమర్పించండి', en: 'Confirm & submit', hi: 'पुष्टि करें' },
  btn_change: { te: 'జవాబు మార్చండి', en: 'Change an answer', hi: 'उत्तर बदलें' },
  btn_cancel: { te: 'రద్దు చేయండి', en: 'Cancel', hi: 'रद्द करें' },
  change_body: { te: 'ఏ జవాబు మార్చాలి?', en: 'Which answer would you like to change?', hi: 'कौन सा उत्तर बदलना है?' },
  change_button: { te: 'జవాబులు', en: 'Answers', hi: 'उत्तर' },
  skipped: { te: '— (వదిలేశారు)', en: '— (skipped)', hi: '— (छोड़ा गया)' },
  unit_acres: { te: '{n} ఎకరాలు', en: '{n} acres', hi: '{n} एकड़' },
  unit_years: { te: '{n} సంవత్సరాలు', en: '{n} years', hi: '{n} वर्ष' },
  unit_members: { te: '{n} మంది', en: '{n} members', hi: '{n} सदस्य' },
  submitted: {
    te: '✅ మీ దరఖాస్తు సమర్పించబడింది.\n\nసూచన సంఖ్య: *{reference}*\nసేవ: {name}\n{days} పని దినాల్లో నిర్ణయం తెలియజేస్తాం.\n\nస్థితి తెలుసుకోవడానికి "Hi" పంపి "నా దరఖాస్తులు" ఎంచుకోండి.\n\n🔐 మీ దరఖాస్తు ప్రజా రికార్డులో (ట్రాన్స్‌పరెన్సీ లాగ్) నమోదైంది; ఎవరూ మార్చలేరు. రసీదు: {receipt}',
    en: '✅ Your application has been submitted.\n\nReference number: *{reference}*\nService: {name}\nYou will hear from us within {days} working days.\n\nTo check its status, send "Hi" and choose "My applications".\n\n🔐 Your application is recorded in the public transparency log, where nobody can change it. Receipt: {receipt}',
    hi: '✅ आपका आवेदन जमा हो गया है।\n\nसंदर्भ संख्या: *{reference}*\nसेवा: {name}\n{days} कार्य दिवसों में निर्णय बताया जाएगा।\n\nस्थिति जानने के लिए "Hi" भेजें और "मेरे आवेदन" चुनें।\n\n🔐 आपका आवेदन सार्वजनिक पारदर्शिता लॉग में दर्ज है, जिसे कोई बदल नहीं सकता। रसीद: {receipt}',
  },
  cancelled: {
    te: 'సరే, "{name}" దరఖాస్తు రద్దు చేశాం. మీ జవాబులు తొలగించాం.',
    en: 'OK, your "{name}" application was cancelled and your answers deleted.',
    hi: 'ठीक है, "{name}" का आवेदन रद्द कर दिया गया और आपके उत्तर हटा दिए गए।',
  },
  // --- trouble, expiry, unexpected input ----------------------------------------------
  stuck: {
    te: 'ఈ ప్రశ్నతో ఇబ్బందిగా ఉన్నట్టుంది. మళ్లీ ప్రయత్నించవచ్చు, సహాయం చూడవచ్చు, లేదా ప్రధాన మెనూకి వెళ్లవచ్చు.',
    en: 'This question seems to be giving you trouble. You can try again, read the help, or go to the main menu.',
    hi: 'लगता है इस सवाल में दिक्कत हो रही है। आप फिर कोशिश कर सकते हैं, सहायता देख सकते हैं या मुख्य मेनू पर जा सकते हैं।',
  },
  // --- steps that need a system outside Mitra ---------------------------------------
  system_not_connected: {
    te: '⚠️ {system} ఇంకా మిత్రకు అనుసంధానం కాలేదు, కాబట్టి ఈ సేవ ఇక్కడి నుండి ముందుకు వెళ్లదు. మీ సమాధానాలు భద్రంగా ఉన్నాయి: తర్వాత "మళ్లీ ప్రయత్నిస్తాను" నొక్కండి, లేదా ప్రధాన మెనూకి వెళ్లండి.',
    en: '⚠️ {system} is not connected to Mitra yet, so this service cannot go further for now. Your answers are saved: tap "Try again" later, or go to the main menu.',
    hi: '⚠️ {system} अभी मित्र से जुड़ा नहीं है, इसलिए यह सेवा अभी आगे नहीं बढ़ सकती। आपके जवाब सुरक्षित हैं: बाद में "फिर कोशिश करें" दबाएँ, या मुख्य मेनू पर जाएँ।',
  },
  payment_not_connected: {
    te: '⚠️ ఆన్‌లైన్ చెల్లింపు ఇంకా మిత్రకు అనుసంధానం కాలేదు, కాబట్టి ఇప్పుడు చెల్లించలేరు. మీ సమాధానాలు భద్రంగా ఉన్నాయి: తర్వాత "మళ్లీ ప్రయత్నిస్తాను" నొక్కండి, లేదా ప్రధాన మెనూకి వెళ్లండి.',
    en: '⚠️ Online payment is not connected to Mitra yet, so you cannot pay here for now. Your answers are saved: tap "Try again" later, or go to the main menu.',
    hi: '⚠️ ऑनलाइन भुगतान अभी मित्र से जुड़ा नहीं है, इसलिए अभी यहाँ भुगतान नहीं हो सकता। आपके जवाब सुरक्षित हैं: बाद में "फिर कोशिश करें" दबाएँ, या मुख्य मेनू पर जाएँ।',
  },
  info_done: {
    te: 'ఇంకా ఏమైనా కావాలా? మెనూ నుండి ఎంచుకోండి, లేదా మీకు కావలసింది టైప్ చేయండి.',
    en: 'Anything else? Choose from the menu, or type what you need.',
    hi: 'और कुछ चाहिए? मेनू से चुनें, या जो चाहिए वह लिखें।',
  },
  btn_retry: { te: 'మళ్లీ ప్రయత్నిస్తాను', en: 'Try again', hi: 'फिर कोशिश करें' },
  btn_help: { te: 'సహాయం', en: 'Help', hi: 'सहायता' },
  btn_menu: { te: 'ప్రధాన మెనూ', en: 'Main menu', hi: 'मुख्य मेनू' },
  expired: {
    te: '⏸ కొంతసేపు జవాబు రాకపోవడంతో మీ "{name}" దరఖాస్తును ఆపి ఉంచాం. చింతించకండి, మీ జవాబులు భద్రంగా ఉన్నాయి. ఇప్పుడు ఏం చేద్దాం?',
    en: '⏸ Your "{name}" application was paused because we had no reply for a while. Don\'t worry, your answers are saved. What would you like to do?',
    hi: '⏸ कुछ समय तक जवाब न मिलने से आपका "{name}" आवेदन रोक दिया गया। चिंता न करें, आपके उत्तर सुरक्षित हैं। अब क्या करना चाहेंगे?',
  },
  btn_resume: { te: 'కొనసాగించండి', en: 'Resume', hi: 'जारी रखें' },
  btn_start_over: { te: 'మళ్లీ మొదలుపెట్టండి', en: 'Start over', hi: 'फिर से शुरू करें' },
  unexpected: {
    te: 'క్షమించండి, ఇక్కడ {what} స్వీకరించలేను.',
    en: "Sorry, I can't accept {what} here.",
    hi: 'माफ़ कीजिए, यहाँ {what} स्वीकार नहीं किए जा सकते।',
  },
  kind_sticker: { te: 'స్టిక్కర్లు', en: 'stickers', hi: 'स्टिकर' },
  kind_audio: { te: 'వాయిస్ సందేశాలు', en: 'voice messages', hi: 'वॉइस संदेश' },
  kind_video: { te: 'వీడియోలు', en: 'videos', hi: 'वीडियो' },
  kind_media: { te: 'ఫైళ్లు', en: 'files', hi: 'फ़ाइलें' },
  kind_contacts: { te: 'కాంటాక్ట్‌లు', en: 'contacts', hi: 'संपर्क' },
  kind_location: { te: 'లొకేషన్లు', en: 'locations', hi: 'लोकेशन' },
  kind_flow: { te: 'ఫారం జవాబులు', en: 'form replies', hi: 'फ़ॉर्म के जवाब' },
  kind_choice: { te: 'పాత సందేశాల బటన్లు', en: 'buttons from older messages', hi: 'पुराने संदेशों के बटन' },
  kind_unsupported: { te: 'ఈ రకమైన సందేశాలు', en: 'this kind of message', hi: 'इस तरह के संदेश' },
  expect_answer: { te: 'దయచేసి కింది ప్రశ్నకు జవాబు ఇవ్వండి.', en: 'Please answer the question below.', hi: 'कृपया नीचे दिए सवाल का जवाब दें।' },
  expect_menu: {
    te: 'దయచేసి మెనూ నుండి ఎంచుకోండి, లేదా మీకు కావలసింది టైప్ చేయండి.',
    en: 'Please choose from the menu, or type what you need.',
    hi: 'कृपया मेनू से चुनें, या जो चाहिए वह लिखें।',
  },
  service_unavailable: {
    te: 'క్షమించండి, ఈ సేవ ప్రస్తుతం అందుబాటులో లేదు.',
    en: 'Sorry, this service is not available right now.',
    hi: 'माफ़ कीजिए, यह सेवा अभी उपलब्ध नहीं है।',
  },
  choose_from_buttons: {
    te: 'దయచేసి కింది బటన్లలో ఒకదాన్ని నొక్కండి.',
    en: 'Please tap one of the buttons below.',
    hi: 'कृपया नीचे दिए बटनों में से एक दबाएँ।',
  },
  // --- application statuses (my applications) -----------------------------------------
  status_submitted: { te: 'సమర్పించబడింది', en: 'Submitted', hi: 'जमा किया गया' },
  status_in_review: { te: 'పరిశీలనలో ఉంది', en: 'Under review', hi: 'जाँच में' },
  status_info_requested: { te: 'మరింత సమాచారం కావాలి', en: 'More information needed', hi: 'और जानकारी चाहिए' },
  status_approved: { te: 'ఆమోదించబడింది', en: 'Approved', hi: 'स्वीकृत' },
  status_rejected: { te: 'తిరస్కరించబడింది', en: 'Rejected', hi: 'अस्वीकृत' },
  status_issued: { te: 'జారీ అయింది', en: 'Issued', hi: 'जारी किया गया' },
  status_cancelled: { te: 'రద్దయింది', en: 'Cancelled', hi: 'रद्द' },
  // Every status of the back-office workflows (src/workflow APPLICATION_STATUSES).
  status_in_verification: { te: 'ధృవీకరణ జరుగుతోంది', en: 'Being verified', hi: 'सत्यापन हो रहा है' },
  status_pending_approval: { te: 'అధికారి ఆమోదం కోసం వేచి ఉంది', en: "Awaiting the officer's approval", hi: 'अधिकारी की स्वीकृति की प्रतीक्षा में' },
  status_escalated: { te: 'ఉన్నతాధికారికి పంపబడింది', en: 'Escalated to a senior officer', hi: 'वरिष्ठ अधिकारी को भेजा गया' },
  status_assigned: { te: 'క్షేత్ర సిబ్బందికి అప్పగించబడింది', en: 'Assigned to field staff', hi: 'फ़ील्ड कर्मचारी को सौंपा गया' },
  status_resolved: { te: 'పరిష్కరించబడింది', en: 'Resolved', hi: 'समाधान किया गया' },
  status_closed: { te: 'ముగిసింది', en: 'Closed', hi: 'बंद' },
  status_withdrawn: { te: 'ఉపసంహరించబడింది', en: 'Withdrawn', hi: 'वापस लिया गया' },
  status_lapsed: { te: 'ముగిసింది: అడిగిన సమాచారం అందలేదు', en: 'Closed: the information asked for did not arrive', hi: 'बंद: माँगी गई जानकारी नहीं मिली' },
  applications_footer: {
    te: 'వివరాల కోసం సూచన సంఖ్యను టైప్ చేయండి (ఉదా: {example}).',
    en: 'Type a reference number (for example {example}) to see its details.',
    hi: 'विवरण देखने के लिए संदर्भ संख्या लिखें (जैसे {example})।',
  },
  // --- an application's status, by its reference number ------------------------------
  reference_status: {
    te: '*{reference}*\n{service}\nస్థితి: {status}\nసమర్పించిన తేదీ: {date}',
    en: '*{reference}*\n{service}\nStatus: {status}\nSubmitted on {date}',
    hi: '*{reference}*\n{service}\nस्थिति: {status}\nजमा करने की तारीख: {date}',
  },
  reference_reply_hint: {
    te: '📝 అధికారికి జవాబు ఇవ్వడానికి ఇక్కడే టైప్ చేయండి, లేదా ఫోటో లేదా PDF పంపండి.',
    en: '📝 To answer the officer, type your reply here, or send a photo or PDF.',
    hi: '📝 अधिकारी को जवाब देने के लिए यहीं लिखें, या फ़ोटो या PDF भेजें।',
  },
  reference_receipt: { te: 'రసీదు: {receipt}', en: 'Receipt: {receipt}', hi: 'रसीद: {receipt}' },
  reference_not_found: {
    te: 'మీ దరఖాస్తులలో *{reference}* అనే సంఖ్య కనిపించలేదు. దయచేసి సంఖ్యను సరిచూసుకోండి; మెనూలోని "నా దరఖాస్తులు" లో మీ దరఖాస్తులన్నీ ఉంటాయి.',
    en: 'I could not find application *{reference}* among yours. Please check the number; "My applications" in the menu lists your applications.',
    hi: 'आपके आवेदनों में *{reference}* नहीं मिला। कृपया संख्या जाँच लें; मेनू में "मेरे आवेदन" में आपके सभी आवेदन हैं।',
  },
  // --- answering an officer's request for more information -----------------------------
  info_reply_confirm: {
    te: 'దరఖాస్తు *{reference}* కోసం మీ జవాబు:\n\n{summary}\n\nదీన్ని అధికారికి పంపాలా? ఇంకా జోడించాలంటే మరింత టైప్ చేయండి లేదా మరో ఫోటో/PDF పంపండి.',
    en: 'Your reply for application *{reference}*:\n\n{summary}\n\nSend it to the officer? To add more first, type more or send another photo or PDF.',
    hi: 'आवेदन *{reference}* के लिए आपका जवाब:\n\n{summary}\n\nक्या इसे अधिकारी को भेजें? पहले और जोड़ना हो तो और लिखें या एक और फ़ोटो/PDF भेजें।',
  },
  btn_send_reply: { te: 'అధికారికి పంపండి', en: 'Send to officer', hi: 'अधिकारी को भेजें' },
  info_reply_sent: {
    te: '✅ మీ జవాబు అధికారికి పంపబడింది. దరఖాస్తు *{reference}* మళ్లీ కార్యాలయం పరిశీలనలో ఉంది; నిర్ణయం ఇక్కడే తెలియజేస్తాం.',
    en: '✅ Your reply was sent to the officer. Application *{reference}* is back with the office; we will tell you the decision here.',
    hi: '✅ आपका जवाब अधिकारी को भेज दिया गया। आवेदन *{reference}* फिर से कार्यालय के पास है; निर्णय आपको यहीं बताया जाएगा।',
  },
  info_reply_cancelled: {
    te: 'సరే, ఏమీ పంపలేదు. *{reference}* పై అధికారి మీ జవాబు కోసం ఇంకా వేచి ఉన్నారు: సిద్ధమైనప్పుడు ఇక్కడే టైప్ చేయండి, లేదా ఫోటో లేదా PDF పంపండి.',
    en: 'OK, nothing was sent. The officer is still waiting for your reply on *{reference}*: type it here, or send a photo or PDF, whenever you are ready.',
    hi: 'ठीक है, कुछ नहीं भेजा गया। *{reference}* पर अधिकारी अब भी आपके जवाब की प्रतीक्षा में हैं: जब तैयार हों, यहीं लिखें या फ़ोटो या PDF भेजें।',
  },
  info_reply_closed: {
    te: 'ఆ సమాచార అభ్యర్థన ఇప్పుడు తెరిచి లేదు, అందుకే ఏమీ పంపలేదు. మీ దరఖాస్తుల స్థితి కోసం మెనూలో "నా దరఖాస్తులు" ఎంచుకోండి.',
    en: 'That request for information is no longer open, so nothing was sent. Choose "My applications" in the menu to see where your applications are.',
    hi: 'जानकारी का वह अनुरोध अब खुला नहीं है, इसलिए कुछ नहीं भेजा गया। अपने आवेदनों की स्थिति के लिए मेनू में "मेरे आवेदन" चुनें।',
  },
  info_reply_full: {
    te: 'ఒక జవాబులో ఇంతకంటే ఎక్కువ జోడించలేరు. "అధికారికి పంపండి" నొక్కండి, లేదా మళ్లీ మొదలుపెట్టడానికి "రద్దు చేయండి" నొక్కండి.',
    en: 'That is as much as one reply can hold. Tap "Send to officer", or "Cancel" to start again.',
    hi: 'एक जवाब में इससे ज़्यादा नहीं जुड़ सकता। "अधिकारी को भेजें" दबाएँ, या फिर से शुरू करने के लिए "रद्द करें" दबाएँ।',
  },
  // --- certificates (issue #5) --------------------------------------------------------
  certificate_caption: {
    te: '📄 మీ {service}, సంఖ్య *{number}* (దరఖాస్తు {reference}).\n\nఇది డిజిటల్ సంతకంతో ఉంది. దీని QR కోడ్‌ను ఏ ఫోన్ కెమెరాతోనైనా స్కాన్ చేసి అసలైనదో కాదో చూడవచ్చు: {url}\n\nఎప్పుడైనా మళ్లీ పొందడానికి మెనూలో "నా పత్రాలు" ఎంచుకోండి.',
    en: '📄 Your {service}, number *{number}* (application {reference}).\n\nIt is digitally signed. Anyone can check it is genuine by scanning its QR code with a phone camera, or here: {url}\n\nTo get it again at any time, choose "My documents" in the menu.',
    hi: '📄 आपका {service}, संख्या *{number}* (आवेदन {reference})।\n\nयह डिजिटल हस्ताक्षरित है। कोई भी फ़ोन कैमरे से इसका QR कोड स्कैन करके या यहाँ जाँच सकता है कि यह असली है: {url}\n\nकभी भी दोबारा पाने के लिए मेनू में "मेरे दस्तावेज़" चुनें।',
  },
  notice_certificate_revoked: {
    te: '⚠️ మీ ధృవీకరణ పత్రం *{number}* ({service}) రద్దు చేయబడింది.\n\nఅధికారి తెలిపిన కారణం: {reason}\n\nదీన్ని ఇకపై ధృవీకరించినప్పుడు "రద్దు చేయబడింది" అని చూపిస్తుంది. సందేహాలుంటే మెనూలో "ఫిర్యాదు చేయండి" ఎంచుకోండి.',
    en: '⚠️ Your certificate *{number}* ({service}) has been revoked.\n\nReason given by the officer: {reason}\n\nFrom now on, anyone who checks it will see that it is revoked. If you disagree, choose "Raise a grievance" in the menu.',
    hi: '⚠️ आपका प्रमाण पत्र *{number}* ({service}) रद्द कर दिया गया है।\n\nअधिकारी द्वारा बताया गया कारण: {reason}\n\nअब से इसकी जाँच करने वाले को यह रद्द दिखेगा। असहमत हों तो मेनू में "शिकायत दर्ज करें" चुनें।',
  },
  // --- messages from the back office when an application changes (issue #4) ----------
  notice_approved: {
    te: '✅ శుభవార్త! మీ దరఖాస్తు *{reference}* ({service}) ఆమోదించబడింది.',
    en: '✅ Good news! Your application *{reference}* ({service}) has been approved.',
    hi: '✅ खुशखबरी! आपका आवेदन *{reference}* ({service}) स्वीकृत हो गया है।',
  },
  notice_rejected: {
    te: 'మీ దరఖాస్తు *{reference}* ({service}) తిరస్కరించబడింది.\n\nఅధికారి తెలిపిన కారణం: {reason}\n\nసరైన వివరాలు లేదా పత్రాలతో మళ్లీ దరఖాస్తు చేయవచ్చు. ఈ నిర్ణయంపై ఫిర్యాదు చేయాలంటే మెనూలో "ఫిర్యాదు చేయండి" ఎంచుకోండి.',
    en: 'Your application *{reference}* ({service}) was not approved.\n\nReason given by the officer: {reason}\n\nYou can apply again with the right details or documents. To complain about this decision, choose "Raise a grievance" in the menu.',
    hi: 'आपका आवेदन *{reference}* ({service}) अस्वीकृत कर दिया गया है।\n\nअधिकारी द्वारा बताया गया कारण: {reason}\n\nआप सही जानकारी या दस्तावेज़ों के साथ फिर से आवेदन कर सकते हैं। इस निर्णय पर शिकायत के लिए मेनू में "शिकायत दर्ज करें" चुनें।',
  },
  notice_info_requested: {
    te: '📝 మీ దరఖాస్తు *{reference}* ({service}) కోసం అధికారికి మరింత సమాచారం కావాలి:\n\n"{reason}"\n\nదయచేసి ఇక్కడే జవాబు ఇవ్వండి: మీ సమాధానం టైప్ చేయండి, లేదా పత్రం ఫోటో లేదా PDF పంపండి. పంపే ముందు మీ జవాబును మీకు చూపిస్తాను.',
    en: '📝 The officer needs more information for your application *{reference}* ({service}):\n\n"{reason}"\n\nPlease reply here: type your answer, or send a photo or PDF of the document. I will show you your reply before it is sent.',
    hi: '📝 आपके आवेदन *{reference}* ({service}) के लिए अधिकारी को और जानकारी चाहिए:\n\n"{reason}"\n\nकृपया यहीं जवाब दें: अपना उत्तर लिखें, या दस्तावेज़ की फ़ोटो या PDF भेजें। भेजने से पहले आपका जवाब आपको दिखाया जाएगा।',
  },
  notice_escalated: {
    te: '⏫ మీ దరఖాస్తు *{reference}* ({service}) పై గడువులోగా నిర్ణయం రాలేదు, అందుకే దాన్ని ఉన్నతాధికారికి పంపాం. ఆలస్యానికి క్షమించండి; నిర్ణయం ఇక్కడే తెలియజేస్తాం.',
    en: '⏫ Your application *{reference}* ({service}) was not decided within its time limit, so it has been escalated to a senior officer. We are sorry for the delay and will tell you the decision here.',
    hi: '⏫ आपके आवेदन *{reference}* ({service}) पर समय सीमा में निर्णय नहीं हुआ, इसलिए इसे वरिष्ठ अधिकारी को भेज दिया गया है। देरी के लिए खेद है; निर्णय आपको यहीं बताया जाएगा।',
  },
  notice_delayed: {
    te: '⏱ మీ దరఖాస్తు *{reference}* ({service}) గడువు దాటింది. కార్యాలయాన్ని అప్రమత్తం చేశాం; నిర్ణయం ఇక్కడే తెలియజేస్తాం.',
    en: '⏱ Your application *{reference}* ({service}) has passed its time limit. The office has been alerted; we will tell you the decision here.',
    hi: '⏱ आपके आवेदन *{reference}* ({service}) की समय सीमा निकल गई है। कार्यालय को सूचित कर दिया गया है; निर्णय आपको यहीं बताया जाएगा।',
  },
  notice_lapsed: {
    te: 'అధికారి అడిగిన సమాచారం గడువులోగా అందకపోవడంతో మీ దరఖాస్తు *{reference}* ({service}) ముగించబడింది. మీరు ఎప్పుడైనా మళ్లీ దరఖాస్తు చేయవచ్చు.',
    en: 'Your application *{reference}* ({service}) has been closed because the information the officer asked for did not arrive in time. You can apply again at any time.',
    hi: 'अधिकारी द्वारा माँगी गई जानकारी समय पर न मिलने के कारण आपका आवेदन *{reference}* ({service}) बंद कर दिया गया है। आप कभी भी फिर से आवेदन कर सकते हैं।',
  },
  notice_status: {
    te: 'మీ దరఖాస్తు *{reference}* ({service}) తాజా స్థితి: {status}.',
    en: 'Update on your application *{reference}* ({service}): {status}.',
    hi: 'आपके आवेदन *{reference}* ({service}) की नई स्थिति: {status}।',
  },
  notice_note: { te: 'అధికారి వ్యాఖ్య: {reason}', en: "Officer's note: {reason}", hi: 'अधिकारी की टिप्पणी: {reason}' },
} as const satisfies Record<string, Localized>;

/** A key of {@link TEXTS}. */
export type TextKey = keyof typeof TEXTS;

/** True when `key` names a system text. */
export function isTextKey(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(TEXTS, key);
}

/** The text `key` in `lang`, with `{placeholders}` filled from `params`. */
export function say(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return fill(TEXTS[key][lang], params);
}
