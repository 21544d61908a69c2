/**
 * The drivers every storage test runs against (STYLE.md 10: one contract suite, every driver).
 * PGlite always — ONE shared in-memory instance per test process, a fresh schema per `open()`,
 * because each instance costs seconds and ~750 MB. PostgreSQL too when TEST_DATABASE_URL (or
 * DATABASE_URL) is set — a fresh schema `t_<pid>_<random>` per `open()`, dropped on cleanup.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../../src/storage/db.ts';
import { openPglite } from '../../src/storage/open-pglite.ts';
import { openPostgres } from '../../src/storage/open-postgres.ts';
import { quoteIdentifier } from '../../src/storage/quote-identifier.ts';

/** An isolated, empty (unmigrated) database for one test or suite. */
export interface TestDatabase {
  db: Db;
  /**
   * Another handle on the SAME schema, as a second process would have: its own pool on
   * PostgreSQL; on PGlite the shared single connection (PGlite has no second process).
   */
  openPeer(): Promise<Db>;
  /** Closes every handle and drops the schema. */
  cleanup(): Promise<void>;
}

/** One driver under test. */
export interface TestDriver {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

let sharedPglite: Promise<PGlite> | undefined;

function schemaName(): string {
  return `t_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function openWith(opener: (schema: string) => Promise<Db>, dropper: (schema: string) => Promise<void>): Promise<TestDatabase> {
  const schema = schemaName();
  const handles: Db[] = [];
  const db = await opener(schema);
  handles.push(db);
  return {
    db,
    async openPeer() {
      const peer = await opener(schema);
      handles.push(peer);
      return peer;
    },
    async cleanup() {
      for (const handle of handles) await handle.close();
      await dropper(schema);
    },
  };
}

/** The drivers available in this environment, PGlite first. */
export function testDatabases(): TestDriver[] {
  const drivers: TestDriver[] = [
    {
      name: 'pglite',
      async open() {
        sharedPglite ??= PGlite.create();
        const instance = await sharedPglite;
        return openWith(
          (schema) => openPglite({ instance, schema }),
          async (schema) => {
            await instance.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
          },
        );
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) {
    drivers.push({
      name: 'postgres',
      open: () =>
        openWith(
          (schema) => openPostgres({ url, schema, poolSize: 5 }),
          async (schema) => {
            const admin = await openPostgres({ url, poolSize: 1 });
            try {
              await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
            } finally {
              await admin.close();
            }
          },
        ),
    });
  }
  return drivers;
}
