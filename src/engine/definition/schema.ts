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

/** A named, catalog-wide list of options (`catalog/option-sets.yaml`), e.g. `ap-districts`. */
export const optionSetName = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower kebab case');

export const askChoice = z.object({
  ...stepBase,
  type: z.literal('ask_choice'),
  /**
   * The options. A definition file may instead name `optionSet`; the catalog reader then fills
   * `options` from the set before validation, and keeps `optionSet` so that other modules know
   * what the answer means (the back office routes by the `ap-districts` answer).
   */
  options: z.array(choiceOption).min(2).max(100),
  optionSet: optionSetName.optional(),
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

/**
 * A department system or payment gateway id, as listed in `catalog/systems.yaml` (for example
 * `apspdcl` or `payments`). Where and how to reach it is operator configuration, never data in
 * the definition.
 */
export const systemId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower kebab case');

/** A parameter sent to a department system: a literal, or `{{step_id}}` for an earlier answer. */
const callParameter = z.string().max(200);

/**
 * `show_info`: a message with no question (opening hours, eligibility, what happens next).
 * Shown when the conversation reaches it, then the conversation moves on by itself.
 */
export const showInfo = z.object({
  id: stepId,
  type: z.literal('show_info'),
  body: localized,
  when: condition.optional(),
}).strict();

/**
 * `call_department`: asks a department system (`system`) to perform `operation` with `params`
 * built from earlier answers, and shows the citizen what it answered (a bill, a list of
 * slots, a hall ticket). `prompt` says what is being looked up ("Fetching your bill…").
 */
export const callDepartment = z.object({
  ...stepBase,
  type: z.literal('call_department'),
  system: systemId,
  operation: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower kebab case'),
  params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), callParameter).optional(),
}).strict();

/**
 * `make_payment`: collects a payment through the payment gateway. `amount` is whole rupees, or
 * the answer of an earlier step (a donation amount the citizen typed, a bill fetched by a
 * `call_department` step and its `field`).
 */
export const makePayment = z.object({
  ...stepBase,
  type: z.literal('make_payment'),
  amount: z.union([
    z.number().int().min(1).max(10_000_000),
    z.object({ step: stepId, field: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/).optional() }).strict(),
  ]),
}).strict();

/** Every step type, discriminated by `type`. New types MUST be added to the engine's registry. */
export const step = z.discriminatedUnion('type', [
  askText, askNumber, askDate, askChoice, askAadhaar, askMobile, askPincode, askEmail, askMedia, askLocation,
  showInfo, callDepartment, makePayment,
]);

export type Step = z.infer<typeof step>;
export type StepType = Step['type'];
/** A step that asks the citizen a question and stores the answer. */
export type QuestionStep = Exclude<Step, { type: 'show_info' | 'call_department' | 'make_payment' }>;
/** A step that needs a system outside Mitra: a department system or the payment gateway. */
export type IntegrationStep = Extract<Step, { type: 'call_department' | 'make_payment' }>;

/** True for steps that ask a question and store its answer. */
export function isQuestionStep(s: Step): s is QuestionStep {
  return s.type !== 'show_info' && s.type !== 'call_department' && s.type !== 'make_payment';
}

/** True for steps that need a department system or the payment gateway. */
export function isIntegrationStep(s: Step): s is IntegrationStep {
  return s.type === 'call_department' || s.type === 'make_payment';
}

/** The roles of the back office (issue #4); `office.roles` names who handles a service. */
export const officeRole = z.enum(['secretariat_staff', 'approving_officer', 'department_administrator', 'state_administrator']);

/**
 * Certificate types with a layout of their own (the certificates module renders each). A
 * service of kind `certificate` MUST name one.
 */
export const certificateType = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be lower kebab case');

/** A workflow id as its file is named (`certificate-two-level`), or `none`. */
export const serviceWorkflow = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "must be a kebab-case workflow id such as 'certificate-two-level', or 'none'");

/**
 * What kind of service this is: a certificate; another application an officer decides (a
 * licence, a rice card, a pension); information or a document looked up; a bill or tax
 * payment; a booking; a grievance; a status check; a donation.
 */
export const serviceKind = z.enum([
  'certificate', 'application', 'information', 'payment', 'booking', 'grievance', 'status', 'donation',
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
  /**
   * Search words per language, with synonyms and common misspellings. Telugu MUST include
   * romanized Telugu ("adayam certificate"), the way most citizens type on an English keyboard.
   */
  keywords: localizedList,
  /** What the citizen receives ("Income certificate, signed PDF"). */
  receives: localized,
  /** Documents the citizen needs; may be empty. */
  documents: z.array(localized),
  /** Fee in whole rupees; 0 is free. */
  fee: z.object({ amount: z.number().int().min(0), note: localized.optional() }).strict(),
  /** The citizen charter's time limit, in working days. */
  sla: z.object({ days: z.number().int().min(1).max(365) }).strict(),
  /**
   * Who handles it: the office level that decides, and the roles that act (back office). A
   * service answered by a department system names `level: department-system` and the role that
   * handles disputes and refunds.
   */
  office: z.object({
    level: z.enum(['secretariat', 'mandal', 'district', 'state', 'department-system']),
    roles: z.array(officeRole).min(1),
  }).strict(),
  /** For kind `certificate`: which certificate layout is issued. */
  certificateType: certificateType.optional(),
  /**
   * The back-office workflow that decides applications of this service
   * (`catalog/workflows/<id>.yaml`), or `none`. When absent, the default of the service's kind
   * applies (`serviceWorkflowId`): certificates are decided in two levels, other applications
   * in one, grievances follow the grievance workflow, and the other kinds have none. The
   * service's `sla.days` is the overall SLA of the workflow, in working days.
   */
  workflow: serviceWorkflow.optional(),
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

/**
 * A system outside Mitra that services call: a department back end (`apspdcl`, `ttd`) or the
 * payment gateway (`payments`), from `catalog/systems.yaml`. Only its public name lives in the
 * catalog; addresses and credentials are operator configuration.
 */
export const departmentSystem = z.object({
  id: systemId,
  name: localized,
  /** The department that owns it; `null` for shared systems such as the payment gateway. */
  department: z.string().regex(/^[a-z0-9-]+$/).nullable(),
}).strict();

export type DepartmentSystem = z.infer<typeof departmentSystem>;

/** The system id every `make_payment` step uses. */
export const PAYMENT_SYSTEM_ID = 'payments';
