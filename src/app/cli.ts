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
  log verify [--key K]     audit the transparency log: recompute the tree, check every checkpoint
  log prove SUBJECT        print the C2SP tlog-proof of an application reference
  witness --log KEY        run a C2SP tlog-witness for the log with verifier key KEY
                           ("--port 3100", "--data ./witness-data", "--name NAME")
  officer add --username U --password P --role ROLE [--department DEPT] [--district D] [--mandal M]
                           create an officer account (roles: secretariat_staff, approving_officer,
                           department_administrator, state_administrator); omit --password to
                           have one generated
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
      case 'log': {
        const { runLogCommand } = await import('./log-command.ts');
        process.exitCode = await runLogCommand(rest, { key: flag(rest, 'key') });
        return;
      }
      case 'officer': {
        const { runOfficerCommand } = await import('./officer-command.ts');
        process.exitCode = await runOfficerCommand(rest);
        return;
      }
      case 'witness': {
        const logKeys = rest.flatMap((a, i) => (rest[i - 1] === '--log' ? [a] : []));
        if (logKeys.length === 0) {
          console.error('usage: mitra witness --log LOG_VERIFIER_KEY [--port 3100] [--data ./witness-data] [--name NAME]');
          process.exitCode = 2;
          return;
        }
        const { startWitness } = await import('./witness-command.ts');
        const witness = await startWitness({ logKeys, port: Number(flag(rest, 'port') ?? 3100), host: process.env.HOST, dataDir: flag(rest, 'data') ?? './witness-data', name: flag(rest, 'name') });
        console.log(`  witness listening  ${witness.url}/add-checkpoint\n  its key (for the log's LOG_WITNESSES):  ${witness.verifierKey}@${witness.url}`);
        const stop = () => { void witness.close().then(() => process.exit(0)); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
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
