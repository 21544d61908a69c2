/**
 * The registry of WhatsApp message templates Mitra uses: the only messages WhatsApp delivers
 * outside the 24-hour customer-service window (whatsapp-cloud-api.md §3.6, §5). Each entry
 * mirrors a template that must be created and approved in WhatsApp Manager under the same name,
 * category, languages and named body parameters; `body` records the approved text so the
 * simulator and the Graph API double can render what the citizen would see. Meta's named
 * parameter syntax is `{{name}}`.
 */
import type { Lang, Localized } from '../../lib/languages.ts';

/** One approved template. */
export interface TemplateDefinition {
  /** Meta's template category; Mitra sends only utility templates (free inside the window). */
  category: 'utility';
  /** Meta's language code for each of our languages. */
  languages: Record<Lang, string>;
  /** The named body parameters, in the order they appear. Every send MUST fill all of them. */
  bodyParams: readonly string[];
  /** The approved body text per language, with `{{param}}` placeholders. */
  body: Localized;
}

/** Meta's language codes for Telugu, English and Hindi templates. */
const META_LANGUAGE_CODES: Record<Lang, string> = { te: 'te', en: 'en', hi: 'hi' };

/** Every template Mitra may send, by Meta template name. */
export const TEMPLATES: Readonly<Record<string, TemplateDefinition>> = {
  application_status_update: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service', 'status'],
    body: {
      te: '{{service}} కోసం మీరు పెట్టుకున్న దరఖాస్తు {{reference}} ప్రస్తుత స్థితి: {{status}}. వివరాలు చూడటానికి ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your application {{reference}} for {{service}} is now: {{status}}. Reply to this message to see the details.',
      hi: '{{service}} के लिए आपके आवेदन {{reference}} की स्थिति अब है: {{status}}। विवरण देखने के लिए इस संदेश का जवाब दें।',
    },
  },
  // Back office (issue #4): one template per decision the citizen must hear about even after
  // the 24-hour window has closed. Each names the application and the service; a rejection and a
  // request for information quote the officer's reason.
  application_approved: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service'],
    body: {
      te: '{{service}} కోసం మీ దరఖాస్తు {{reference}} ఆమోదించబడింది. వివరాలు చూడటానికి ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your application {{reference}} for {{service}} has been approved. Reply to this message to see the details.',
      hi: '{{service}} के लिए आपका आवेदन {{reference}} स्वीकृत हो गया है। विवरण देखने के लिए इस संदेश का जवाब दें।',
    },
  },
  // Certificates (issue #5): the PDF goes as a document message inside the window; outside it
  // `certificate_ready` (below) tells the citizen it is ready, and a reply brings it.
  certificate_revoked: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['number', 'service', 'reason'],
    body: {
      te: 'మీ ధృవీకరణ పత్రం {{number}} ({{service}}) రద్దు చేయబడింది. కారణం: {{reason}}. వివరాల కోసం ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your certificate {{number}} ({{service}}) has been revoked. Reason: {{reason}}. Reply to this message for the details.',
      hi: 'आपका प्रमाण पत्र {{number}} ({{service}}) रद्द कर दिया गया है। कारण: {{reason}}। विवरण के लिए इस संदेश का जवाब दें।',
    },
  },
  application_rejected: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service', 'reason'],
    body: {
      te: '{{service}} కోసం మీ దరఖాస్తు {{reference}} తిరస్కరించబడింది. కారణం: {{reason}}. వివరాల కోసం ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your application {{reference}} for {{service}} was not approved. Reason: {{reason}}. Reply to this message for the details.',
      hi: '{{service}} के लिए आपका आवेदन {{reference}} अस्वीकृत हुआ। कारण: {{reason}}। विवरण के लिए इस संदेश का जवाब दें।',
    },
  },
  application_info_requested: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service', 'reason'],
    body: {
      te: '{{service}} కోసం మీ దరఖాస్తు {{reference}} కు అధికారికి మరింత సమాచారం కావాలి: {{reason}}. పంపడానికి ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'The officer needs more information for your application {{reference}} for {{service}}: {{reason}}. Reply to this message to send it.',
      hi: '{{service}} के लिए आपके आवेदन {{reference}} पर अधिकारी को और जानकारी चाहिए: {{reason}}। भेजने के लिए इस संदेश का जवाब दें।',
    },
  },
  application_escalated: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service'],
    body: {
      te: '{{service}} కోసం మీ దరఖాస్తు {{reference}} గడువు దాటినందున ఉన్నతాధికారికి పంపబడింది. నిర్ణయాన్ని ఇక్కడే పంపుతాం.',
      en: 'Your application {{reference}} for {{service}} passed its time limit and has been escalated to a senior officer. We will send you the decision here.',
      hi: '{{service}} के लिए आपका आवेदन {{reference}} समय सीमा पार होने पर वरिष्ठ अधिकारी को भेजा गया है। निर्णय आपको यहीं भेजा जाएगा।',
    },
  },
  session_expired_resume: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['service'],
    body: {
      te: 'మీ {{service}} దరఖాస్తు పూర్తి కాకముందే ఆగిపోయింది, మీరు నింపిన వివరాలు భద్రంగా ఉన్నాయి. ఆపిన చోటు నుంచి కొనసాగించడానికి ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your {{service}} application stopped before it was finished, and what you entered is saved. Reply to this message to continue where you left off.',
      hi: 'आपका {{service}} आवेदन पूरा होने से पहले रुक गया था, आपकी भरी हुई जानकारी सुरक्षित है। जहाँ छोड़ा था वहीं से आगे बढ़ने के लिए इस संदेश का जवाब दें।',
    },
  },
  certificate_ready: {
    category: 'utility',
    languages: META_LANGUAGE_CODES,
    bodyParams: ['reference', 'service'],
    body: {
      te: 'దరఖాస్తు {{reference}} కు మీ {{service}} ధ్రువపత్రం సిద్ధంగా ఉంది. దాన్ని PDF గా పొందడానికి ఈ సందేశానికి జవాబు ఇవ్వండి.',
      en: 'Your {{service}} certificate for application {{reference}} is ready. Reply to this message to receive it as a PDF.',
      hi: 'आवेदन {{reference}} का आपका {{service}} प्रमाणपत्र तैयार है। इसे PDF के रूप में पाने के लिए इस संदेश का जवाब दें।',
    },
  },
};
