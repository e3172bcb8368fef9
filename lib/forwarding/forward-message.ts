/**
 * Pure: the ready-to-send message for an origin server's admins (the "message" forward), plain text with a subject
 * line. It names the post, the account, what it is, the file's hashes (so they can find every copy), the CyberTipline
 * report id when the case was filed, how many copies we found, and who sends it. Without a contact address, a note
 * above the message says where to look for one.
 */
import { labelWords } from './label-words';

export interface MessageInput {
  domain: string;
  case: { number: number; label: string | null; sha256: string | null; md5: string | null; pdqHash: string | null; originUri: string | null; originUrl: string | null; originAcct: string | null; originAccountUrl: string | null; copyCount: number; instanceCount: number };
  /** The organization name from the CyberTipline settings, or null. */
  organization: string | null;
  /** Who the message says sent it (sender-info.ts): the person's pseudonym or the team's name, never a real name. */
  sentBy?: string | null;
  cyberTiplineReportId: string | null;
  contact: string | null;
}

export function forwardMessage(m: MessageInput): { subject: string; body: string; text: string } {
  const c = m.case;
  const what = labelWords(c.label);
  const sender = m.sentBy?.trim() || m.organization?.trim() || 'the moderators of our servers';
  const subject = `Report for ${m.domain}: ${what.toLowerCase()} posted by ${c.originAcct ?? 'an account on your server'}`;
  const facts: [string, string | null][] = [
    ['Post', c.originUrl],
    ['ActivityPub id', c.originUri && c.originUri !== c.originUrl ? c.originUri : null],
    ['Account', c.originAcct ? `${c.originAcct}${c.originAccountUrl ? ` (${c.originAccountUrl})` : ''}` : c.originAccountUrl],
    ['What it is', what],
    ['Copies found', `${plural(c.copyCount, 'copy', 'copies')} on ${plural(c.instanceCount, 'server', 'servers')} we moderate`],
    ['SHA-256', c.sha256],
    ['MD5', c.md5],
    ['PDQ', c.pdqHash],
    ['NCMEC CyberTipline report', m.cyberTiplineReportId],
  ];
  const lines = [
    `Hello moderators of ${m.domain},`,
    '',
    `Copies of a post from your server reached servers we moderate. We believe it is: ${what.toLowerCase()}. We are telling you so you can review the post and the account on your server.`,
    '',
    ...facts.filter((f): f is [string, string] => Boolean(f[1])).map(([k, v]) => `${k}: ${v}`),
    '',
    'The hashes are of the media file, so you can find other copies of it on your server.',
    '',
    `Sent by ${sender} (with fedimod, a moderation dashboard), case ${c.number}.`,
  ];
  const body = lines.join('\n');
  // For the person sending it, above the message: where to find an address when the server published none.
  const note = m.contact ? '' : `(No contact address found: ${m.domain} names none in its NodeInfo or instance API. Look for an abuse or moderation contact on https://${m.domain}/about and send the message below there.)\n\n`;
  return { subject, body, text: `${note}Subject: ${subject}\n\n${body}` };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
