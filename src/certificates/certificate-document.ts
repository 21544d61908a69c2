/**
 * What a certificate says, in a form the PDF renderer can lay out and the signer can commit to.
 * Built from an approved application (answers, service definition, office, officer) by
 * `buildCertificateDocument`; rendered by `renderCertificateBody` / `assembleCertificatePdf`;
 * committed to by the signed payload (`certificate-payload.ts`).
 *
 * Every printed text is bilingual: Telugu and English always, Hindi too when the service asks
 * for it (`languages` includes 'hi'). Values the citizen typed (names, villages) are printed as
 * typed, once, in whatever script they were typed in.
 */

/** The languages a certificate can be printed in. Telugu and English are always present. */
export type CertificateLang = 'te' | 'en' | 'hi';

/** A text printed in every language of the certificate. `hi` is required only when printed. */
export interface CertificateText {
  te: string;
  en: string;
  hi?: string;
}

/** A labelled fact in the certificate's table, e.g. "Annual family income: ₹1,20,000". */
export interface CertificateField {
  /** Stable key, also used in the signed payload when the field is a key field. */
  key: string;
  label: CertificateText;
  /** A translated value (a district, a caste category) or a value as the citizen typed it. */
  value: CertificateText | string;
}

/** Everything printed on one certificate. Plain JSON (stored, and re-rendered identically). */
export interface CertificateDocument {
  /** Layout version: a change to how documents are drawn bumps it, so old ones re-render the same. */
  layoutVersion: 1;
  /** The certificate number printed and signed, e.g. `AP-INC-2026-0000123`. */
  number: string;
  /** The catalog's `certificateType` (income, caste, residence, birth, ...). */
  type: string;
  /** Languages printed, in order. Always starts with `['te', 'en']`. */
  languages: CertificateLang[];
  /** "Government of Andhra Pradesh". */
  government: CertificateText;
  /** The issuing department, e.g. "Revenue Department". */
  department: CertificateText;
  /** The certificate's title, e.g. "Income Certificate". */
  title: CertificateText;
  /** The holder: the person the certificate is about, as typed in the application. */
  holderName: string;
  /** The labelled facts, in print order. */
  fields: CertificateField[];
  /** The certifying statement: one paragraph per language, values already filled in. */
  statement: CertificateText;
  /** The issuing office, e.g. "Office of the Tahsildar, Vijayawada (Urban) Mandal, NTR District". */
  office: CertificateText;
  /** The officer who approved it. */
  officer: { name: string; designation: CertificateText };
  /** Issue date, `YYYY-MM-DD` (India time). */
  issuedOn: string;
  /** Last day of validity, `YYYY-MM-DD`, or null when it does not expire (birth, death...). */
  validUntil: string | null;
  /** The application it was issued on (its reference number). */
  applicationReference: string;
}
