/**
 * The schema of a service definition, spec version 1. A service is data: what the citizen gets,
 * what it costs, how long it takes, and the questions asked one at a time. Files live under
 * `catalog/<department>/<service>.yaml` and are read through `readDefinition` (size check →
 * migrate → validate → lint), never parsed ad hoc.
 */
import { z } from 'zod';

/** The newest spec version this code reads. Definitions newer than this are rejected. */
export const SPEC_VERSION = 1;

/** A text in te, en and hi; every language MUST be present and non-empty. */
export const localized = z.object({
  te: z.string().min(1),
  en: z.string().min(1),
  hi: z.string().min(1),
}).strict();

/** Keywords per language, for search ("type what you need"). */
export const localizedList = z.object({
  te: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
  hi: z.array(z.string().min(1)),
}).strict();

/** A step id: lower snake case, used as the answer key. */
const stepId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower_snake_case, at most 40 characters');

/**
 * A date bound: an ISO date (`2000-01-01`), `today`, or `today` plus or minus a span
 * (`today-18y`, `today+30d`, `today-6m`).
 */
export const dateBound = z.string().regex(/^(\d{4}-\d{2}-\d{2}|today([+-]\d+[dmy])?)$/, "must be a date: 'YYYY-MM-DD', 'today' or 'today-18y'");

/** A condition on earlier answers; a step with `when` is asked only when it holds. */
export type Condition =
  | { step: string; equals: string | number | boolean }
  | { step: string; in: (string | number)[] }
  | { step: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ step: stepId, equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ step: stepId, in: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
    z.object({ step: stepId, answered: z.boolean() }).strict(),
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
    z.object({ not: condition }).strict(),
  ]),
);

/** Fields every step has. */
const stepBase = {
  id: stepId,
  /** The question, as asked. */
  prompt: localized,
  /** A short label for the review summary ("Date of birth"). */
  label: localized,
  /** Optional help shown on "help" at this step. */
  help: localized.optional(),
  /** Optional steps can be skipped with "skip". Default: required. */
  optional: z.boolean().optional(),
  when: condition.optional(),
};

export const askText = z.object({
  ...stepBase,
  type: z.literal('ask_text'),
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(1000).optional(),
  /** A regular expression the whole answer must match, with the message shown when it does not. */
  pattern: z.string().optional(),
  patternError: localized.optional(),
}).strict();

export const askNumber = z.object({
  ...stepBase,
  type: z.literal('ask_number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Unit shown after the number in the summary, e.g. "₹" for money (shown before). */
  unit: z.enum(['rupees', 'acres', 'years', 'members']).optional(),
}).strict();

export const askDate = z.object({
  ...stepBase,
  type: z.literal('ask_date'),
  min: dateBound.optional(),
  max: dateBound.optional(),
}).strict();

export const choiceOption = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be lower case letters, digits, _ or -'),
  label: localized,
  description: localized.optional(),
}).strict();

export const askChoice = z.object({
  ...stepBase,
  type: z.literal('ask_choice'),
  options: z.array(choiceOption).min(2).max(100),
}).strict();

export const askAadhaar = z.object({ ...stepBase, type: z.literal('ask_aadhaar') }).strict();
export const askMobile = z.object({ ...stepBase, type: z.literal('ask_mobile') }).strict();
export const askPincode = z.object({ ...stepBase, type: z.literal('ask_pincode') }).strict();
export const askEmail = z.object({ ...stepBase, type: z.literal('ask_email') }).strict();

/** What a media step accepts. `image` = JPEG or PNG; `pdf` = a PDF document. */
export const mediaAccept = z.enum(['image', 'pdf']);

export const askMedia = z.object({
  ...stepBase,
  type: z.literal('ask_media'),
  accept: z.array(mediaAccept).min(1),
  /** Largest file accepted, in bytes; at most 5 MB for images and 10 MB for PDFs. */
  maxBytes: z.number().int().min(1024).max(10 * 1024 * 1024).optional(),
}).strict();

export const askLocation = z.object({ ...stepBase, type: z.literal('ask_location') }).strict();

/** Every step type, discriminated by `type`. New types MUST be added to the engine's registry. */
export const step = z.discriminatedUnion('type', [
  askText, askNumber, askDate, askChoice, askAadhaar, askMobile, askPincode, askEmail, askMedia, askLocation,
]);

export type Step = z.infer<typeof step>;
export type StepType = Step['type'];

/** What kind of service this is. */
export const serviceKind = z.enum([
  'certificate', 'information', 'payment', 'booking', 'grievance', 'status', 'donation',
]);

/** A service definition, spec version 1. */
export const serviceDefinition = z.object({
  specVersion: z.literal(1),
  /** `<department>.<service>`, e.g. `revenue.income-certificate`. */
  id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, "must be '<department>.<service>' in lower kebab case"),
  /** The definition's own version; bumped on every published change. */
  version: z.number().int().min(1),
  department: z.string().regex(/^[a-z0-9-]+$/),
  kind: serviceKind,
  /** C = confirmed on Mana Mitra, A = announced, T = typical MeeSeva / GSWS service. */
  provenance: z.enum(['C', 'A', 'T']),
  name: localized,
  /** A short line under the name in lists (at most 72 characters in each language). */
  description: localized,
  keywords: localizedList.optional(),
  /** What the citizen receives ("Income certificate, signed PDF"). */
  receives: localized,
  /** Documents the citizen needs; may be empty. */
  documents: z.array(localized),
  /** Fee in whole rupees; 0 is free. */
  fee: z.object({ amount: z.number().int().min(0), note: localized.optional() }).strict(),
  /** The citizen charter's time limit, in working days. */
  sla: z.object({ days: z.number().int().min(1).max(365) }).strict(),
  /** Who handles it (used by the back office). */
  office: z.object({ level: z.enum(['secretariat', 'mandal', 'district', 'state']), roles: z.array(z.string()).min(1) }).strict().optional(),
  /** Replaces the default consent text, when the service needs to say more. */
  consent: localized.optional(),
  steps: z.array(step).min(1).max(60),
}).strict();

export type ServiceDefinition = z.infer<typeof serviceDefinition>;

/** A department, from `catalog/departments.yaml`. */
export const department = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: localized,
  /** Emoji or short symbol shown before the name; optional. */
  icon: z.string().optional(),
}).strict();

export type Department = z.infer<typeof department>;
