import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifySubscription } from '../../src/channels/whatsapp/index.ts';

describe('verifySubscription', () => {
  const token = 'vibecoding';
  it('echoes the challenge when mode and token match', () => {
    assert.deepEqual(verifySubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '1158201444' }, token), {
      ok: true,
      challenge: '1158201444',
    });
  });
  it('refuses a wrong token, a wrong mode, missing fields, arrays and an empty configured token', () => {
    const cases: Record<string, unknown>[] = [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': `${token}x`, 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': token, 'hub.challenge': '1' },
      { 'hub.verify_token': token, 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
      { 'hub.mode': 'subscribe', 'hub.verify_token': token },
      { 'hub.mode': 'subscribe', 'hub.verify_token': [token, token], 'hub.challenge': '1' },
      {},
    ];
    for (const q of cases) assert.deepEqual(verifySubscription(q, token), { ok: false }, JSON.stringify(q));
    assert.deepEqual(verifySubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, ''), { ok: false });
  });
});
