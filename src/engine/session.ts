/**
 * The conversation state of one citizen, kept between turns as plain JSON (STYLE.md 2): the
 * caller loads it, passes it to `turn`, and stores what `turn` returns. Nothing in it is a class,
 * a Date or undefined-by-design, so `JSON.parse(JSON.stringify(session))` gives the same session.
 */
import type { Lang } from '../lib/languages.ts';
import type { AnswerValue } from './answer-value.ts';

/** The shape version of {@link Session}; bumped (with a reader for the old one) on changes. */
export const SESSION_VERSION = 1;

/** Where the citizen is outside a service, or `service` while one is active. */
export type Screen =
  | { kind: 'language'; returnTo: Screen | null }
  | { kind: 'menu' }
  | { kind: 'popular' }
  | { kind: 'recent' }
  | { kind: 'departments'; page: number }
  | { kind: 'department'; departmentId: string; page: number; parentPage: number }
  | { kind: 'search' }
  | { kind: 'results'; serviceIds: string[]; query: string }
  | { kind: 'documents' }
  | { kind: 'grievances'; page: number }
  /** A reply to an officer's request for information, shown for confirmation (`Session.infoReply`). */
  | { kind: 'info_reply' }
  | { kind: 'service' };

/** One part of a reply to an officer: a text, or a file the citizen sent. */
export type InfoReplyPart =
  | { text: string }
  | { documentId: string; mimeType: string; filename: string };

/** A reply to an officer's request for information, being put together before it is sent. */
export interface InfoReply {
  /** The application whose request it answers. */
  reference: string;
  parts: InfoReplyPart[];
}

/** Which part of a service the citizen is in. */
export type ServicePhase = 'intro' | 'step' | 'review' | 'change' | 'expired';

/** A service the citizen started, with the definition version it started with. */
export interface ServiceProgress {
  serviceId: string;
  /** The definition version used for the whole application, even if a newer one is published. */
  serviceVersion: number;
  phase: ServicePhase;
  /** The phase to return to from `expired`. */
  pausedPhase: ServicePhase;
  /** The step being asked (phase `step`), else null. */
  stepId: string | null;
  /** Answers by step id; null marks an optional step the citizen skipped. */
  answers: Record<string, AnswerValue | null>;
  /** Consecutive failed answers at the current step. */
  failures: number;
  /** The page shown of a long option list or of the "change an answer" list. */
  page: number;
  /** True once the citizen agreed to the consent text. */
  consented: boolean;
  startedAt: string;
}

/** One citizen's conversation state. */
export interface Session {
  version: typeof SESSION_VERSION;
  /** The citizen's channel id. */
  citizen: string;
  /** The chosen language, null until the citizen chooses one. */
  lang: Lang | null;
  screen: Screen;
  /** The service in progress (active or paused), if any. */
  service: ServiceProgress | null;
  /** When the session last changed, ISO 8601 from `ctx.now`. */
  updatedAt: string;
  /**
   * Services the citizen opened lately, newest first (at most `MAX_RECENT`), for "recently
   * used". Optional: sessions stored before it existed read as having none.
   */
  recent?: string[];
  /**
   * The reply to an officer being put together, while the screen is `info_reply`. Optional:
   * sessions stored before it existed read as having none.
   */
  infoReply?: InfoReply | null;
}

/** Most services remembered under "recently used". */
export const MAX_RECENT = 5;
