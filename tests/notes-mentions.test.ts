/**
 * Mentions (pure): who `@name` reaches, and the picker's caret arithmetic. fast-check: parsing never throws, only
 * ever returns members, never twice, and an email address inside the text (`ana@example.org`) mentions nobody.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, mentionName, mentionNames, parseMentions, type MentionMember } from '@/lib/notes/mentions';
import { insertMention, matchMembers, mentionAt } from '@/components/notes/mention-query';
import { ago, subjectLabel } from '@/app/(dashboard)/inbox/inbox-text';

const ana: MentionMember = { id: 'a', email: 'Ana.Lopez@team.example', name: 'Ana Lopez' };
const bo: MentionMember = { id: 'b', email: 'bo@team.example', name: '' };
const cy: MentionMember = { id: 'c', email: 'cy@team.example', name: 'Cy Twombly' };
const members = [ana, bo, cy];

describe('mention names', () => {
  it('are the email local part and the name without spaces, lower case', () => {
    expect(mentionNames(ana)).toEqual(['ana.lopez', 'analopez']);
    expect(mentionNames(bo)).toEqual(['bo']);
    expect(mentionName(cy)).toBe('cy');
  });
});

describe('parseMentions', () => {
  it('finds each named member once, in order, by either name, at a sentence end too', () => {
    expect(parseMentions('@cy please look, and @AnaLopez. Also @cy again', members).map((m) => m.id)).toEqual(['c', 'a']);
    expect(parseMentions('(@bo) thanks @ana.lopez.', members).map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('leaves unknown names and email addresses alone', () => {
    expect(parseMentions('@nobody wrote to bo@team.example and x@cy', members)).toEqual([]);
    expect(parseMentions('no mentions here', members)).toEqual([]);
  });

  it('never throws, returns only members, never twice, and emails never mention', () => {
    const nameArb = fc.constantFrom('ana.lopez', 'analopez', 'bo', 'cy', 'cytwombly', 'zed', '', 'AnA.LoPeZ');
    const piece = fc.oneof(fc.string(), nameArb.map((n) => `@${n}`), nameArb.map((n) => `x${n}@${n}`), fc.constantFrom(' ', '\n', '.', ',', '@', '@@'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
      const body = parts.join('');
      const found = parseMentions(body, members);
      expect(found.every((m) => members.includes(m))).toBe(true);
      expect(new Set(found.map((m) => m.id)).size).toBe(found.length);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.constantFrom(...members), fc.string(), (m, junk) => {
      const email = m.email.toLowerCase();
      expect(parseMentions(`write to ${email}${/^[\w.]/.test(junk) ? ' ' : ''}${junk.replace(/@/g, '')}`, members)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('excerpts long bodies to one line', () => {
    expect(excerpt('a\n\n b   c')).toBe('a b c');
    expect(excerpt('x'.repeat(300)).length).toBe(200);
  });
});

describe('the picker', () => {
  it('sees the @partial before the caret, not inside an email', () => {
    expect(mentionAt('hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionAt('hi @', 4)).toEqual({ start: 3, query: '' });
    expect(mentionAt('mail ana@te', 11)).toBeNull();
    expect(mentionAt('hi @an there', 12)).toBeNull();
  });

  it('inserts @name and a space, replacing the partial', () => {
    expect(insertMention('hi @an', 3, 6, 'ana.lopez')).toEqual({ text: 'hi @ana.lopez ', caret: 14 });
    expect(insertMention('hi @an more', 3, 6, 'ana.lopez')).toEqual({ text: 'hi @ana.lopez more', caret: 14 });
  });

  it('matches by mention name or label, prefix first', () => {
    const list = [{ label: 'Cy Twombly', mentionName: 'cy' }, { label: 'Ana Lopez', mentionName: 'ana.lopez' }, { label: 'Bo', mentionName: 'bocy' }];
    expect(matchMembers(list, 'cy').map((m) => m.mentionName)).toEqual(['cy', 'bocy']);
    expect(matchMembers(list, '').length).toBe(3);
  });
});

describe('inbox words', () => {
  it('names subjects and ages', () => {
    expect(subjectLabel('account', 'a@b.example')).toBe('@a@b.example');
    expect(subjectLabel('report', '12345678-aaaa')).toBe('report 12345678');
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(ago('2026-01-01T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(ago('2025-12-28T12:00:00Z', now)).toBe('4 days ago');
  });
});
