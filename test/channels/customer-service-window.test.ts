import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWindowOpen } from '../../src/channels/whatsapp/index.ts';

describe('isWindowOpen', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');
  it('is open within 24 hours of the last inbound message and closed after', () => {
    assert.equal(isWindowOpen('2025-06-01T11:59:00.000Z', now), true);
    assert.equal(isWindowOpen('2025-05-31T12:00:00.001Z', now), true);
    assert.equal(isWindowOpen('2025-05-31T12:00:00.000Z', now), false);
    assert.equal(isWindowOpen('2025-05-20T00:00:00.000Z', now), false);
  });
  it('is closed with no inbound message or an unreadable timestamp', () => {
    assert.equal(isWindowOpen(null, now), false);
    assert.equal(isWindowOpen('yesterday', now), false);
  });
});
