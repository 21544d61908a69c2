/**
 * `ask_location`: a location shared with WhatsApp's location button. Prompted with a
 * location request message, whose button opens the share sheet.
 */
import type { z } from 'zod';
import type { askLocation } from '../definition/schema.ts';
import type { StepHandler } from './step-handler.ts';
import { questionText } from './question-text.ts';

/** Decimal places kept in displays: about 11 m, enough to recognise a place. */
const DISPLAY_DECIMALS = 4;

/** The `ask_location` handler. */
export const askLocationStep: StepHandler<z.infer<typeof askLocation>> = {
  type: 'ask_location',
  accepts: ['text', 'location'],
  prompt: (step, ctx) => ({ type: 'location_request', body: questionText(step, ctx.lang) }),
  validate(step, content, ctx) {
    if (content.type !== 'location') return { ok: false, reason: 'location_use_attach' };
    const { latitude, longitude } = content;
    if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)
      || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return { ok: false, reason: 'location_use_attach' };
    }
    const value = {
      latitude,
      longitude,
      ...(typeof content.name === 'string' ? { name: content.name } : {}),
      ...(typeof content.address === 'string' ? { address: content.address } : {}),
    };
    return { ok: true, value, display: askLocationStep.display(step, value, ctx.lang) };
  },
  display(_step, value) {
    if (typeof value !== 'object' || !('latitude' in value)) return String(value);
    const where = `${value.latitude.toFixed(DISPLAY_DECIMALS)}, ${value.longitude.toFixed(DISPLAY_DECIMALS)}`;
    const label = value.name ?? value.address;
    return label ? `📍 ${label} (${where})` : `📍 ${where}`;
  },
};
