/**
 * Structured JSON logs (pino), with Aadhaar and phone numbers masked in every field before the
 * line is written.
 */
import pino, { type Logger } from 'pino';
import { maskDeep } from '../lib/mask-personal-data.ts';

export type { Logger };

/** Creates the process logger. `level` is a pino level name; 'silent' for tests. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => maskDeep(obj) as Record<string, unknown>,
      },
      hooks: {
        // The message string is formatted separately from the object; mask it too.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? (maskDeep(a) as string) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
