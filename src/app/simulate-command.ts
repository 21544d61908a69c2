/**
 * `mitra simulate`: chat with Mitra in the terminal as a citizen would on WhatsApp. It starts
 * the whole platform in this process in simulator mode (its own port, the same webhook path,
 * signed payloads, the local Graph API double), so what you see is what a phone would get.
 */
import { runTerminalSimulator } from '../channels/simulator/index.ts';
import { createLogger } from './logger.ts';
import type { Config } from './config.ts';
import { startPlatform } from './start-platform.ts';

/** Runs the terminal simulator until the user quits. */
export async function runSimulateCommand(config: Config, opts: { phone: string }): Promise<void> {
  if (config.whatsapp.mode === 'live') {
    throw new Error('mitra simulate runs without WhatsApp credentials; unset the WHATSAPP_* variables');
  }
  const platform = await startPlatform({ ...config, port: 0, host: '127.0.0.1' }, {
    roles: ['http', 'workers'], banner: false, logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  });
  try {
    console.log(`Mitra simulator: you are the citizen +${opts.phone}. Type "Hi" to start, /help for commands, /quit to leave.`);
    await runTerminalSimulator({ backend: platform.simulator!, waId: opts.phone, profileName: 'Citizen', input: process.stdin, output: process.stdout });
  } finally {
    await platform.close();
  }
}
