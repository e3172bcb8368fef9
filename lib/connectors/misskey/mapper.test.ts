import { describe, expect, it } from 'vitest';
import { mapDriveFile, mapNote, mapReport, mediaType } from './mapper';
import { extractLocalNoteIds, MAX_NOTE_LINKS } from './note-links';

describe('extractLocalNoteIds', () => {
  it('keeps only this instance\'s note links, deduplicated and bounded', () => {
    const comment = 'Note: https://mk.example/notes/9abc1\nhttps://other.example/notes/zzz1 (https://mk.example/notes/9abc1) https://mk.example/notes/9abc2.';
    expect(extractLocalNoteIds(comment, 'https://mk.example')).toEqual(['9abc1', '9abc2']);
    const many = Array.from({ length: 30 }, (_, i) => `https://mk.example/notes/n${i}`).join(' ');
    expect(extractLocalNoteIds(many, 'https://mk.example')).toHaveLength(MAX_NOTE_LINKS);
    expect(extractLocalNoteIds('https://mk.example/notes/../admin', 'https://mk.example')).toEqual([]);
  });
});

describe('mapNote', () => {
  it('escapes MFM text and maps drive files, dropping bad ones', () => {
    const status = mapNote(
      {
        id: 'n1', text: '<b>hi</b>\nthere', cw: null, visibility: 'public', createdAt: null, uri: null, url: null,
        files: [
          { id: 'f1', type: 'video/mp4', url: 'https://mk.example/files/f1', thumbnailUrl: null, comment: 'alt', isSensitive: true },
          { id: { bad: true } },
          { id: 'f3', type: 'image/png', url: null },
        ],
      },
      'https://mk.example',
    );
    expect(status.contentHtml).toBe('&lt;b&gt;hi&lt;/b&gt;<br>there');
    expect(status.url).toBe('https://mk.example/notes/n1');
    expect(status.media).toEqual([
      { remoteId: 'f1', type: 'video', url: 'https://mk.example/files/f1', previewUrl: null, remoteUrl: null, description: 'alt', meta: { sensitive: true } },
    ]);
    expect(status.sensitive).toBe(true);
  });

  it('maps MIME types to media types', () => {
    expect([mediaType('image/gif'), mediaType('audio/ogg'), mediaType('application/pdf'), mediaType('')]).toEqual(['image', 'audio', 'unknown', 'unknown']);
    expect(mapDriveFile({ id: 'x', type: 'image/png', url: '' })).toBeNull();
  });
});

describe('mapReport notes', () => {
  const base = { id: 'r1', createdAt: '2026-01-01T00:00:00.000Z', comment: 'spam', resolved: false, targetUser: { id: 'u1', username: 'spammer' } };

  it('maps a non-empty moderationNote to one note without id, author or time', () => {
    const report = mapReport({ ...base, moderationNote: 'Warned once.\n\nSuspended.' }, 'https://mk.example');
    expect(report.notes).toEqual([{ remoteId: null, author: null, text: 'Warned once.\n\nSuspended.', createdAt: null }]);
  });

  it('maps an empty note to no notes, and a missing field to no claim at all', () => {
    expect(mapReport({ ...base, moderationNote: '' }, 'https://mk.example').notes).toEqual([]);
    expect(mapReport({ ...base, moderationNote: '  \n' }, 'https://mk.example').notes).toEqual([]);
    expect('notes' in mapReport(base, 'https://mk.example')).toBe(false);
    expect('notes' in mapReport({ ...base, moderationNote: null }, 'https://mk.example')).toBe(false);
  });
});

describe('mapReport: what the payload does not say', () => {
  it('leaves isSuspended/isSilenced/createdAt of a user that lacks them unknown (contract I1)', () => {
    const liteUser = { id: 'u2', username: 'spammer', host: 'bad.example', name: null, avatarUrl: null };
    const out = mapReport({ id: 'r1', createdAt: '2026-01-01T00:00:00.000Z', comment: '', resolved: false, targetUser: liteUser }, 'https://mk.example');
    expect(out.target.suspended).toBeUndefined();
    expect(out.target.silenced).toBeUndefined();
    expect(out.target.createdAt).toBeUndefined();
    const full = mapReport({ id: 'r1', createdAt: '2026-01-01T00:00:00.000Z', comment: '', resolved: false, targetUser: { ...liteUser, isSuspended: false } }, 'https://mk.example');
    expect(full.target.suspended).toBe(false);
  });
});
