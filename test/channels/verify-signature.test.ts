import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signBody, verifySignature } from '../../src/channels/whatsapp/index.ts';

const vectors = JSON.parse(readFileSync(new URL('../vectors/webhook-hmac.json', import.meta.url), 'utf8')) as {
  vectors: { secret: string; body: string; expectedHeader: string; valid: boolean }[];
  negativeCasesFromThirdPartyTests: { cases: { secret: string; body: string; header: string; valid: boolean; why: string }[] };
};

describe('verifySignature / signBody', () => {
  for (const v of vectors.vectors) {
    it(`matches the published vector (${v.expectedHeader.slice(0, 16)}…)`, () => {
      assert.equal(signBody(v.body, v.secret), v.expectedHeader);
      assert.equal(signBody(Buffer.from(v.body), v.secret), v.expectedHeader);
      assert.equal(verifySignature(Buffer.from(v.body), v.expectedHeader, v.secret), v.valid);
    });
  }

  for (const c of vectors.negativeCasesFromThirdPartyTests.cases) {
    it(`rejects: ${c.why}`, () => {
      assert.equal(verifySignature(Buffer.from(c.body), c.header, c.secret), c.valid);
    });
  }

  const secret = 'app-secret';
  const body = Buffer.from('{"text":"\\u0c28\\u0c2e\\u0c38\\u0c4d\\u0c24\\u0c47"}');
  const good = signBody(body, secret);

  it('accepts uppercase hex and surrounding whitespace', () => {
    assert.equal(verifySignature(body, `sha256=${good.slice(7).toUpperCase()}`, secret), true);
    assert.equal(verifySignature(body, ` ${good} `, secret), true);
  });

  it('rejects missing, empty, wrong-prefix and non-hex headers, and an empty secret', () => {
    const hex = good.slice(7);
    for (const header of [undefined, '', 'sha256=', hex, `sha1=${hex}`, `sha256=${hex.slice(0, 63)}z`, `sha256=${hex}00`, `sha256=${'g'.repeat(64)}`]) {
      assert.equal(verifySignature(body, header, secret), false, String(header));
    }
    assert.equal(verifySignature(body, signBody(body, ''), ''), false);
  });

  it('is over the raw bytes: a re-serialised body with the same meaning fails', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
    assert.notDeepEqual(reserialised, body);
    assert.equal(verifySignature(reserialised, good, secret), false);
  });
});
