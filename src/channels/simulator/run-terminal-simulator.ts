/**
 * The terminal chat simulator (`mitra simulate`): the same conversation as the web page, through
 * the same backend (signed webhooks in, the Graph API double's sent messages out), on a
 * readline prompt. Outbound messages print readably: list rows numbered, reply buttons as
 * [1] [2] [3]; typing a number picks from the list or buttons of the latest message (after a
 * plain question a number is sent as typed).
 *
 * Commands: `/location <lat> <lng> [name]`, `/image <path> [caption]`, `/doc <path> [caption]`,
 * `/voice [path]`, `/sticker`, `/contact <name> <phone>`, `/raw` (toggle raw Graph JSON),
 * `/help`, `/quit`.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { describeGraphMessage, type TerminalChoice } from './describe-graph-message.ts';
import type { SimulatedInput } from './simulated-input.ts';
import type { SimEvent } from './sim-event.ts';
import type { SimulatorBackend } from './simulator-backend.ts';

/** MIME types by file extension for `/image`, `/doc` and `/voice`. */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ogg': 'audio/ogg; codecs=opus',
  '.opus': 'audio/ogg; codecs=opus',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
};

const HELP = [
  'Type a message, or a number to pick a list row or button.',
  'Commands: /location <lat> <lng> [name]   /image <path> [caption]   /doc <path> [caption]',
  '          /voice [path]   /sticker   /contact <name> <phone>   /raw   /help   /quit',
].join('\n');

/** Options of {@link runTerminalSimulator}. */
export interface TerminalSimulatorOptions {
  backend: SimulatorBackend;
  /** The simulated citizen's WhatsApp id, digits only. */
  waId: string;
  profileName?: string;
  input: Readable;
  output: Writable;
  /** Show the raw Graph API JSON under each message from the start. */
  raw?: boolean;
}

/** What a typed line means. */
type Command =
  | { kind: 'send'; input: SimulatedInput }
  | { kind: 'upload'; type: 'image' | 'document' | 'voice'; path?: string; caption?: string }
  | { kind: 'raw' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

/**
 * Runs the terminal simulator until `/quit` or the end of `input`, then resolves. Never
 * throws for a bad line: it prints what was wrong and waits for the next one.
 */
export async function runTerminalSimulator(options: TerminalSimulatorOptions): Promise<void> {
  const { backend, waId, output } = options;
  const profileName = options.profileName ?? 'Terminal citizen';
  let showRaw = options.raw ?? false;
  let choices: TerminalChoice[] = [];
  let lastInteractiveId: string | undefined;
  let locationRequestId: string | undefined;

  const print = (text: string): void => {
    output.write(`${text}\n`);
  };

  const printEvent = (event: SimEvent): void => {
    if (event.kind === 'out') {
      const described = describeGraphMessage(event.body, event.rendered);
      print(`\nMitra ▸ ${described.text.split('\n').join('\n        ')}`);
      if (showRaw) print(JSON.stringify(event.body, null, 2));
      // A number answers the latest message: after a plain question ("your service number?")
      // it is the answer itself, not a pick from buttons shown earlier.
      choices = described.choices;
      if (described.choices.length > 0) lastInteractiveId = event.id;
      if (described.asksLocation) locationRequestId = event.id;
    } else if (event.kind === 'status' && event.status === 'failed') {
      print(`(Mitra's webhook refused the message: HTTP ${event.httpStatus ?? '?'})`);
    }
  };

  const unsubscribe = backend.subscribe(waId, printEvent);
  print(`Mitra terminal simulator — chatting as ${profileName} (+${waId}). /help for commands.`);
  for (const event of backend.history(waId)) printEvent(event);

  const parse = (line: string): Command => {
    const text = line.trim();
    if (/^\d+$/.test(text) && choices.length > 0) {
      const n = Number(text);
      const choice = choices[n - 1];
      if (choice === undefined) return { kind: 'error', message: `Pick a number from 1 to ${choices.length}.` };
      return choice.kind === 'list_reply'
        ? { kind: 'send', input: { type: 'list_reply', id: choice.id, title: choice.title, description: choice.description, replyTo: lastInteractiveId } }
        : { kind: 'send', input: { type: 'button_reply', id: choice.id, title: choice.title, replyTo: lastInteractiveId } };
    }
    if (!text.startsWith('/')) return { kind: 'send', input: { type: 'text', text } };
    const [command, ...args] = text.split(/\s+/);
    switch (command) {
      case '/quit':
      case '/exit':
        return { kind: 'quit' };
      case '/help':
        return { kind: 'help' };
      case '/raw':
        return { kind: 'raw' };
      case '/sticker':
        return { kind: 'send', input: { type: 'sticker' } };
      case '/location': {
        const latitude = Number(args[0]);
        const longitude = Number(args[1]);
        if (args.length < 2 || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
          return { kind: 'error', message: 'Usage: /location <lat> <lng> [name], e.g. /location 16.5062 80.6480 Vijayawada' };
        }
        const name = args.slice(2).join(' ') || undefined;
        return { kind: 'send', input: { type: 'location', latitude, longitude, name, replyTo: locationRequestId } };
      }
      case '/contact': {
        const phone = args.at(-1);
        const name = args.slice(0, -1).join(' ');
        if (!phone || !name) return { kind: 'error', message: 'Usage: /contact <name> <phone>' };
        return { kind: 'send', input: { type: 'contacts', name, phone } };
      }
      case '/image':
      case '/doc':
      case '/voice': {
        const type = command === '/image' ? 'image' : command === '/doc' ? 'document' : 'voice';
        if (type !== 'voice' && !args[0]) return { kind: 'error', message: `Usage: ${command} <path> [caption]` };
        return { kind: 'upload', type, path: args[0], caption: args.slice(1).join(' ') || undefined };
      }
      default:
        return { kind: 'error', message: `Unknown command ${command}. /help lists them.` };
    }
  };

  const upload = async (command: Extract<Command, { kind: 'upload' }>): Promise<SimulatedInput> => {
    if (command.type === 'voice' && command.path === undefined) return { type: 'voice' };
    const path = command.path as string;
    const bytes = await readFile(path);
    const mimeType = MIME_BY_EXTENSION[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const base64 = bytes.toString('base64');
    if (command.type === 'voice') return { type: 'voice', base64, mimeType };
    if (command.type === 'image') return { type: 'image', base64, mimeType, filename: basename(path), caption: command.caption };
    return { type: 'document', base64, mimeType, filename: basename(path), caption: command.caption };
  };

  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const command = parse(line);
      if (command.kind === 'quit') break;
      if (command.kind === 'help') print(HELP);
      else if (command.kind === 'raw') {
        showRaw = !showRaw;
        print(`(raw Graph API JSON ${showRaw ? 'on' : 'off'})`);
      } else if (command.kind === 'error') print(command.message);
      else {
        try {
          const input = command.kind === 'send' ? command.input : await upload(command);
          const result = await backend.send(waId, profileName, input);
          if (result.status !== 200) print(`(Mitra's webhook answered HTTP ${result.status})`);
        } catch (err) {
          print(`Could not send: ${(err as Error).message}`);
        }
      }
    }
  } finally {
    lines.close();
    unsubscribe();
  }
}
