import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { open, openString, seal, sealString } from './secret-box';

const key = crypto.randomBytes(32);

function expectRefused(fn: () => unknown): void {
  expect(fn).toThrow(AppError);
}

describe('secret-box', () => {
  it('round-trips buffers and strings, with and without AAD', () => {
    const data = crypto.randomBytes(1000);
    expect(open(seal(data, key), key).equals(data)).toBe(true);
    expect(open(seal(data, key, 'row-1'), key, 'row-1').equals(data)).toBe(true);
    expect(open(seal('héllo ✓', key), key).toString('utf8')).toBe('héllo ✓');
    expect(open(seal('', key), key).length).toBe(0);
  });

  it('uses the versioned layout with a fresh IV each time', () => {
    const a = seal('same', key);
    const b = seal('same', key);
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + 4);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('detects a flipped byte anywhere: version, IV, tag, ciphertext', () => {
    const sealed = seal('attack at dawn', key, 'aad');
    for (const index of [0, 1, 12, 13, 28, 29, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] ^= 0x01;
      expectRefused(() => open(tampered, key, 'aad'));
    }
  });

  it('refuses the wrong AAD, a missing AAD, the wrong key and truncated input', () => {
    const sealed = seal('token', key, 'https://a.example');
    expectRefused(() => open(sealed, key, 'https://b.example'));
    expectRefused(() => open(sealed, key));
    expectRefused(() => open(sealed, crypto.randomBytes(32), 'https://a.example'));
    expectRefused(() => open(sealed.subarray(0, 20), key, 'https://a.example'));
    expectRefused(() => seal('x', crypto.randomBytes(16)));
  });

  it('sealString/openString use base64 for text columns', () => {
    const text = sealString('s3cret-token', key, 'aad');
    expect(text).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(text).not.toContain('s3cret');
    expect(openString(text, key, 'aad')).toBe('s3cret-token');
    expectRefused(() => openString(text, key, 'other'));
  });
});
