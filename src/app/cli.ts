/**
 * The `mitra` command line. Each subcommand is a process role or an operator task (DESIGN.md
 * "Operator contract"). Unknown commands and bad flags print the usage and exit 2.
 */
import { ConfigError, readConfig } from './config.ts';

const USAGE = `Usage: mitra <command>

  serve [--no-workers]     run the platform: HTTP server and workers (npm start); --no-workers: HTTP only
  worker                   run only the workers (inbound processing, outbox, timers) on DATABASE_URL
  simulate [--phone N]     chat with Mitra in this terminal, as a citizen on WhatsApp would
  catalog lint [DIR]       check every service definition; exit 1 on any error
  catalog list [DIR]       list departments and services
  catalog search TEXT      search the catalog as a citizen would ("--lang te|en|hi")
  catalog publish          make the catalog folder live without a restart ("--url" of the server)
  help                     this text

Configuration comes from the environment; see the README's configuration table.`;

/** Reads `--name value` flags after the positional arguments. */
function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Runs the command in `argv` (without node and the script). */
export async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { startPlatform } = await import('./start-platform.ts');
        // --no-workers: an HTTP-only node; workers run elsewhere (`mitra worker`) on the same database.
        await startPlatform(readConfig(), { roles: rest.includes('--no-workers') ? ['http'] : ['http', 'workers'], handleSignals: true });
        return;
      }
      case 'worker': {
        const { startPlatform } = await import('./start-platform.ts');
        await startPlatform(readConfig(), { roles: ['workers'], handleSignals: true });
        return;
      }
      case 'simulate': {
        const { runSimulateCommand } = await import('./simulate-command.ts');
        await runSimulateCommand(readConfig(), { phone: flag(rest, 'phone') ?? '919876543210' });
        return;
      }
      case 'catalog': {
        const { runCatalogCommand } = await import('./catalog-command.ts');
        process.exitCode = await runCatalogCommand(rest, { lang: flag(rest, 'lang'), url: flag(rest, 'url') });
        return;
      }
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return;
      default:
        console.error(`mitra: unknown command '${command}'\n\n${USAGE}`);
        process.exitCode = 2;
    }
  } catch (err) {
    const name = (err as Error).name;
    if (err instanceof ConfigError || name === 'DataDirLockedError' || name === 'CatalogLoadError' || name === 'CatalogVersionConflictError') {
      console.error(`mitra: ${(err as Error).message}`);
      process.exit(1);
    }
    throw err;
  }
}
