/**
 * Meta's rules for uploaded media (whatsapp-cloud-api.md §4): the supported MIME types and the
 * largest file each kind may be. The double refuses what Meta refuses (code 131053).
 */

const MB = 1024 * 1024;
const KB = 1024;

/** One kind of media: its MIME types and size limit. */
export interface MediaRule {
  kind: 'audio' | 'document' | 'image' | 'sticker' | 'video';
  maxBytes: number;
}

/** Supported MIME type (without parameters) → its rule. */
export const MEDIA_RULES: Readonly<Record<string, MediaRule>> = {
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
  'text/plain': { kind: 'document', maxBytes: 100 * MB },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB },
  'application/msword': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-powerpoint': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'document', maxBytes: 100 * MB },
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
  'image/png': { kind: 'image', maxBytes: 5 * MB },
  // Animated stickers may be 500 KB, static ones 100 KB; the double cannot tell them apart.
  'image/webp': { kind: 'sticker', maxBytes: 500 * KB },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
};

/** The rule for `mimeType` (parameters such as `; codecs=opus` ignored), if it is supported. */
export function mediaRuleFor(mimeType: string): MediaRule | undefined {
  const bare = mimeType.split(';')[0].trim().toLowerCase();
  return Object.hasOwn(MEDIA_RULES, bare) ? MEDIA_RULES[bare] : undefined;
}
