import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeTextUpload, NOT_TEXT_MESSAGE, SNIFF_BYTES } from './decode-text-upload';

const MD5 = '0123456789abcdef'.repeat(2);
const refused = (bytes: Uint8Array) => {
  try {
    decodeTextUpload(bytes);
    return false;
  } catch (e) {
    expect(e).toMatchObject({ code: 'bad_request', status: 400, userMessage: NOT_TEXT_MESSAGE });
    return true;
  }
};
const isStrictUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('decodeTextUpload', () => {
  it('refuses a PNG (a synthetic one: a flat gray square)', async () => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888888' } }).png().toBuffer();
    expect(refused(new Uint8Array(png))).toBe(true);
  });

  it('refuses random bytes of any real-file size: a NUL or broken UTF-8 shows within the sniffed head', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 64, maxLength: 4096 }), (bytes) => {
      // 64 random bytes are valid NUL-free UTF-8 with probability about (0.5 * 255/256)^64: never, in practice.
      fc.pre(!(isStrictUtf8(bytes) && !bytes.includes(0)));
      expect(refused(bytes)).toBe(true);
    }));
  });

  it('for any bytes at all: either refused, or genuinely text that decodes losslessly', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      if (refused(bytes)) return;
      expect(bytes.includes(0)).toBe(false);
      expect(isStrictUtf8(bytes)).toBe(true);
    }));
  });

  it('accepts any NUL-free Unicode text, returning it unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !s.includes('\u0000') && !s.startsWith('\uFEFF')), (text) => {
      expect(decodeTextUpload(new TextEncoder().encode(text))).toBe(text);
    }));
  });

  it('does not refuse a long list for a multi-byte character cut by the sniff window, nor for a stray byte past it', () => {
    const pad = 'a'.repeat(SNIFF_BYTES - 1);
    const cut = new TextEncoder().encode(`${pad}é\n${MD5}\n`); // é's two bytes straddle the window's end
    expect(decodeTextUpload(cut)).toBe(`${pad}é\n${MD5}\n`);
    const stray = new Uint8Array([...new TextEncoder().encode(`${MD5}\n`.repeat(400)), 0xff, 0x0a]);
    expect(decodeTextUpload(stray)).toContain('\uFFFD');
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text"), though its ASCII carries NUL bytes', () => {
    const text = `hash,label\n${MD5},café\n`;
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeTextUpload(le)).toBe(text);
    const be = new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    expect(decodeTextUpload(new Uint8Array([0xfe, 0xff, ...be]))).toBe(text);
  });
});
