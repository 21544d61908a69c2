import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, readConfig } from '../../src/app/config.ts';

test('defaults run the simulator on the embedded database', () => {
  const c = readConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, './data');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.publicBaseUrl, 'http://localhost:3000');
  assert.equal(c.whatsapp.mode, 'simulator');
});

test('all four WhatsApp variables switch to the live Graph API', () => {
  const c = readConfig({ WHATSAPP_APP_SECRET: 's', WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: '106540352242922' });
  assert.equal(c.whatsapp.mode, 'live');
  assert.equal(c.whatsapp.mode === 'live' && c.whatsapp.graphUrl, 'https://graph.facebook.com');
  assert.equal(c.whatsapp.apiVersion, 'v24.0');
});

test('bad configuration fails with one clear line naming the variable', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with postgres/],
    [{ PUBLIC_BASE_URL: 'example' }, /^PUBLIC_BASE_URL must be a full URL/],
    [{ WHATSAPP_ACCESS_TOKEN: 't' }, /^WhatsApp is half configured: set WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID too/],
    [{ WHATSAPP_API_VERSION: '24' }, /^WHATSAPP_API_VERSION must look like 'v24.0'/],
    [{ IDLE_TIMEOUT_MINUTES: '0' }, /^IDLE_TIMEOUT_MINUTES must be a whole number from 1/],
  ];
  for (const [env, message] of cases) {
    assert.throws(() => readConfig(env), (err: unknown) => err instanceof ConfigError && message.test(err.message) && !err.message.includes('\n'));
  }
});
