/**
 * The events of one simulated conversation, as the simulator backend records them and streams
 * them to the web page (Server-Sent Events) and the terminal runner. Plain JSON.
 */
import type { SimulatedInput } from './simulated-input.ts';

/**
 * What the simulated citizen sent, as recorded: the input with uploaded bytes replaced by the
 * media id they were stored under (history stays small and the page loads media by id).
 */
export type RecordedInput =
  | Exclude<SimulatedInput, { type: 'image' | 'document' | 'voice' | 'sticker' }>
  | ({ mediaId: string; sha256: string; mimeType: string } & (
      | { type: 'image'; filename?: string; caption?: string; replyTo?: string }
      | { type: 'document'; filename: string; caption?: string; replyTo?: string }
      | { type: 'voice'; replyTo?: string }
    ))
  | { type: 'sticker'; mediaId: string; sha256: string; mimeType: string; replyTo?: string };

/** Where a citizen message stands, as the ticks under it show. */
export type InboundTick = 'pending' | 'delivered' | 'read' | 'failed';

/** One event of a simulated conversation. `kind` is the discriminant. */
export type SimEvent =
  | {
      kind: 'in';
      /** The wamid the simulator gave the citizen's message. */
      wamid: string;
      waId: string;
      /** ISO 8601. */
      at: string;
      input: RecordedInput;
      /** The exact webhook body posted to Mitra (parsed back from the signed bytes). */
      webhook: unknown;
      /** 'pending' until Mitra's webhook answered; 'delivered' on 200, 'failed' otherwise. */
      status: InboundTick;
      /** The HTTP status Mitra's webhook answered, once it did. */
      httpStatus?: number;
    }
  | {
      kind: 'out';
      /** The wamid the Graph API double returned for Mitra's message. */
      id: string;
      to: string;
      /** ISO 8601. */
      at: string;
      /** The exact Graph API request body Mitra sent. */
      body: unknown;
      /** For a template: its body text in the template's language with the parameters filled in. */
      rendered?: string;
      /** For media Mitra sent by id: the stored MIME type, when the double knows it. */
      mimeType?: string;
    }
  | {
      kind: 'status';
      /** The wamid of the citizen message whose tick changed. */
      wamid: string;
      status: InboundTick;
      /** ISO 8601. */
      at: string;
      httpStatus?: number;
    };
