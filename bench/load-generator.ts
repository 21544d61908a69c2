/**
 * A webhook load generator on loopback: signed WhatsApp text webhooks from many citizens, sent
 * open-loop at a fixed rate (so a slow server shows as latency, not as a lower offered rate),
 * or closed-loop at a fixed concurrency to find a server's ceiling.
 */
import { Agent, request } from 'node:http';
import { buildMessagesWebhook, encodeWebhookBody, newInboundWamid, textMessage } from '../src/channels/graph-double/index.ts';
import { signBody } from '../src/channels/whatsapp/index.ts';

/** What one run measured. */
export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  seconds: number;
  /** Acknowledgement latencies in ms, sorted. */
  latencies: number[];
  wamids: string[];
}

/** What citizens say, in order; each message of the script is one webhook. */
const SCRIPT = ['Hi', 'English', 'help', 'menu', 'my applications', 'hello', 'income certificate', 'menu'];

export interface LoadOptions {
  /** One server, or several processes of one deployment (requests go round-robin). */
  url: string | string[];
  appSecret: string;
  phoneNumberId: string;
  citizens: number;
  /** Offered rate in messages per second (open loop), or undefined for closed loop. */
  rate?: number;
  concurrency?: number;
  seconds: number;
  /** First citizen number, so separate runs use separate citizens. */
  citizenOffset?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 128 });
  const targets = (Array.isArray(opts.url) ? opts.url : [opts.url]).map((u) => new URL('/webhooks/whatsapp', u));
  const counters = new Array(opts.citizens).fill(0);
  let next = 0;
  const result: LoadResult = { sent: 0, ok: 0, failed: 0, seconds: 0, latencies: [], wamids: [] };

  const one = () =>
    new Promise<void>((resolve) => {
      const c = next++ % opts.citizens;
      const from = `91${String(7000000000 + (opts.citizenOffset ?? 0) + c)}`;
      const text = SCRIPT[counters[c]++ % SCRIPT.length];
      const id = newInboundWamid(from);
      const raw = encodeWebhookBody(buildMessagesWebhook({ phoneNumberId: opts.phoneNumberId, messages: [{ ...textMessage(from, text, id), profileName: 'Bench Citizen' }] }));
      const started = performance.now();
      result.sent++;
      result.wamids.push(id);
      const req = request(targets[c % targets.length], {
        method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), 'x-hub-signature-256': signBody(raw, opts.appSecret) },
      }, (res) => {
        res.resume();
        res.on('end', () => {
          result.latencies.push(performance.now() - started);
          if (res.statusCode === 200) result.ok++;
          else result.failed++;
          resolve();
        });
      });
      req.on('error', () => { result.failed++; resolve(); });
      req.end(raw);
    });

  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  if (opts.rate) {
    // Open loop: every tick, send what the schedule says is due.
    let due = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = performance.now();
        if (now >= deadline) { clearInterval(tick); resolve(); return; }
        const target = Math.floor(((now - t0) / 1000) * opts.rate!);
        while (due < target) {
          due++;
          const p = one();
          inFlight.add(p);
          void p.then(() => inFlight.delete(p));
        }
      }, 5);
    });
  } else {
    const worker = async () => { while (performance.now() < deadline) await one(); };
    await Promise.all(Array.from({ length: opts.concurrency ?? 64 }, worker));
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - t0) / 1000;
  result.latencies.sort((a, b) => a - b);
  agent.destroy();
  return result;
}
