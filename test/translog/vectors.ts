// Loads the public test vectors copied unchanged into test/translog/vectors/ (each file keeps
// its _source notes; signed-note.source.txt describes the signed-note ones).
import { readFileSync } from 'node:fs';

function load(name: string): any {
  return JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8'));
}

export const MERKLE = load('merkle.json');
export const SIGNED_NOTES: any[] = load('signed-note.json');
export const SIGNED_NOTE_EXTRA = load('signed-note-extra.json');

export const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
