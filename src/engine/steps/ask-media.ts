/**
 * `ask_media`: a file the citizen attaches. The processor downloads and stores it before the
 * turn (`stored`), or says why it could not (`failure`); this step only checks the stored file
 * against what the step accepts: 'image' = JPEG/PNG, 'pdf' = PDF, within the size limit.
 */
import type { z } from 'zod';
import type { askMedia } from '../definition/schema.ts';
import type { Lang } from '../../lib/languages.ts';
import { say } from '../texts.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';

/** Default size limits: WhatsApp's own image limit is 5 MB; documents may be larger. */
export const DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_PDF_BYTES = 10 * 1024 * 1024;

/** MIME types per accepted kind. */
const MIME_TYPES = { image: ['image/jpeg', 'image/png'], pdf: ['application/pdf'] } as const;

type AskMedia = z.infer<typeof askMedia>;

function kindsText(step: AskMedia, lang: Lang): string {
  const names = step.accept.map((k) => say(k === 'image' ? 'media_kind_image' : 'media_kind_pdf', lang));
  return names.join(` ${say('word_or', lang)} `);
}

/** The largest file accepted for `mimeType` at `step`. */
function maxBytesFor(step: AskMedia, mimeType: string): number {
  const base = mimeType === 'application/pdf' ? DEFAULT_MAX_PDF_BYTES : DEFAULT_MAX_IMAGE_BYTES;
  return step.maxBytes !== undefined ? Math.min(step.maxBytes, base) : base;
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** The `ask_media` handler. */
export const askMediaStep: StepHandler<AskMedia> = {
  type: 'ask_media',
  accepts: ['text', 'media'],
  prompt(step, ctx) {
    const largest = Math.max(...step.accept.map((k) => maxBytesFor(step, k === 'pdf' ? 'application/pdf' : 'image/jpeg')));
    const hint = say('hint_media', ctx.lang, { kinds: kindsText(step, ctx.lang), mb: megabytes(largest) });
    return { type: 'text', body: questionText(step, ctx.lang, hint) };
  },
  validate(step, content, ctx) {
    if (content.type !== 'media') return { ok: false, reason: 'media_attach_needed' };
    const kinds = kindsText(step, ctx.lang);
    const allowed: string[] = step.accept.flatMap((k) => [...MIME_TYPES[k]]);
    const mime = (content.stored?.mimeType ?? content.mimeType ?? '').toLowerCase().split(';')[0].trim();
    if (content.failure === 'type_not_allowed' || !allowed.includes(mime)) return { ok: false, reason: 'media_type', params: { kinds } };
    if (content.failure === 'too_large') return { ok: false, reason: 'media_too_large', params: { mb: megabytes(maxBytesFor(step, mime)) } };
    if (content.failure !== undefined || !content.stored) return { ok: false, reason: 'media_failed' };
    const max = maxBytesFor(step, mime);
    if (content.stored.bytes > max) return { ok: false, reason: 'media_too_large', params: { mb: megabytes(max) } };
    const filename = content.stored.filename ?? content.filename ?? `${content.stored.documentId}.${mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg'}`;
    const value = { documentId: content.stored.documentId, mimeType: mime, bytes: content.stored.bytes, filename };
    return { ok: true, value, display: `📎 ${filename}` };
  },
  display(_step, value) {
    return typeof value === 'object' && 'filename' in value ? `📎 ${value.filename}` : String(value);
  },
};
