import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff';
import { gradient, mp4Header } from './test-images';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(64)]);
function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = latin1(`ftyp${major}\0\0\0\0${compatible.join('')}`);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 4);
  return pad(Buffer.concat([size, body]));
}
function bmp(): Buffer {
  const b = Buffer.alloc(64);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(40, 14);
  return b;
}

describe('sniffType from magic bytes', () => {
  it('recognises images made by sharp', async () => {
    const img = gradient(16, 16);
    expect(sniffType(await img.clone().jpeg().toBuffer())).toEqual({ mime: 'image/jpeg', kind: 'image' });
    expect(sniffType(await img.clone().png().toBuffer())).toEqual({ mime: 'image/png', kind: 'image' });
    expect(sniffType(await img.clone().gif().toBuffer())).toEqual({ mime: 'image/gif', kind: 'gif' });
    expect(sniffType(await img.clone().webp().toBuffer())).toEqual({ mime: 'image/webp', kind: 'image' });
    expect(sniffType(await img.clone().avif().toBuffer())).toEqual({ mime: 'image/avif', kind: 'image' });
    expect(sniffType(await img.clone().tiff().toBuffer())).toEqual({ mime: 'image/tiff', kind: 'image' });
  });

  it.each([
    ['mp4', mp4Header(), 'video/mp4', 'video'],
    ['mp4 (mp42)', ftyp('mp42', 'isom'), 'video/mp4', 'video'],
    ['mov', ftyp('qt  ', 'qt  '), 'video/quicktime', 'video'],
    ['m4a', ftyp('M4A ', 'isom'), 'audio/mp4', 'audio'],
    ['heic', ftyp('heic', 'mif1', 'heic'), 'image/heic', 'image'],
    ['heif via mif1', ftyp('mif1', 'heic'), 'image/heic', 'image'],
    ['avif via mif1', ftyp('mif1', 'avif'), 'image/avif', 'image'],
    ['webm', pad(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]), latin1('webm')])), 'video/webm', 'video'],
    ['mkv', pad(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88]), latin1('matroska')])), 'video/x-matroska', 'video'],
    ['ogg opus', pad(latin1('OggS\0\x02\0\0\0\0\0\0\0\0OpusHead')), 'audio/ogg', 'audio'],
    ['ogg theora', pad(latin1('OggS\0\x02\0\0\0\0\0\0\0\0\x80theora')), 'video/ogg', 'video'],
    ['mp3 id3', pad(latin1('ID3\x04\0\0')), 'audio/mpeg', 'audio'],
    ['mp3 frame', pad(Buffer.from([0xff, 0xfb, 0x90, 0x64])), 'audio/mpeg', 'audio'],
    ['aac adts', pad(Buffer.from([0xff, 0xf1, 0x50, 0x80])), 'audio/aac', 'audio'],
    ['flac', pad(latin1('fLaC')), 'audio/flac', 'audio'],
    ['wav', pad(latin1('RIFF\0\0\0\0WAVEfmt ')), 'audio/wav', 'audio'],
    ['bmp', bmp(), 'image/bmp', 'image'],
  ])('%s', (_name, bytes, mime, kind) => {
    expect(sniffType(bytes)).toEqual({ mime, kind });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['zeros', Buffer.alloc(100)],
    ['svg', latin1('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['html', latin1('<!doctype html><html></html>')],
    ['json', latin1('{"error":"not found"}')],
    ['bare BM', pad(latin1('BMxx'))],
    ['riff other', pad(latin1('RIFF\0\0\0\0ABCD'))],
  ])('refuses %s as unknown', (_name, bytes) => {
    expect(sniffType(bytes).kind).toBe('unknown');
  });
});
