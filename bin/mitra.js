#!/usr/bin/env node
// The `mitra` command: loads the TypeScript sources through tsx, so there is no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/app/cli.ts');
await main(process.argv.slice(2));
