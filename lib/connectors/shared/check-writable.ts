/**
 * Contract I5 as a predicate, independent of the code that enforces it: the property tests assert it on every
 * report a connector returns, and it names each violation so a failing run says what leaked.
 */
import type { RemoteAccount, RemoteReport } from '../types';
import { LIMITS } from './writable-report';

const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function writableViolations(r: RemoteReport): string[] {
  const out: string[] = [];
  const str = (path: string, v: unknown, max: number, nullable = false) => {
    if (v === null || v === undefined) {
      if (!nullable) out.push(`${path}: missing`);
      return;
    }
    if (typeof v !== 'string') return out.push(`${path}: not a string`);
    if (BAD_CHAR.test(v)) out.push(`${path}: control character`);
    if (v.length > max) out.push(`${path}: ${v.length} chars`);
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v)) out.push(`${path}: lone surrogate`);
  };
  const date = (path: string, v: unknown, nullable: boolean) => {
    if (v === null || v === undefined) {
      if (!nullable) out.push(`${path}: missing`);
      return;
    }
    if (typeof v !== 'string' || !ISO.test(v) || Number.isNaN(Date.parse(v))) out.push(`${path}: not an ISO date`);
  };
  const flag = (path: string, v: unknown) => {
    if (v !== undefined && typeof v !== 'boolean') out.push(`${path}: not a boolean`);
  };
  const account = (path: string, a: RemoteAccount) => {
    str(`${path}.remoteId`, a.remoteId, LIMITS.name);
    str(`${path}.username`, a.username, LIMITS.name);
    str(`${path}.acct`, a.acct, LIMITS.name);
    str(`${path}.displayName`, a.displayName, LIMITS.name);
    str(`${path}.url`, a.url, LIMITS.url, true);
    str(`${path}.avatarUrl`, a.avatarUrl, LIMITS.url, true);
    str(`${path}.domain`, a.domain, LIMITS.name, true);
    str(`${path}.email`, a.email, LIMITS.name, true);
    date(`${path}.createdAt`, a.createdAt, true);
    for (const k of ['suspended', 'silenced', 'sensitized', 'disabled'] as const) flag(`${path}.${k}`, a[k]);
  };
  if (typeof r.remoteId !== 'string' || !/^[A-Za-z0-9_:-]{1,64}$/.test(r.remoteId)) out.push('remoteId: not an id');
  str('category', r.category, LIMITS.name);
  str('comment', r.comment, LIMITS.comment);
  date('createdAt', r.createdAt, false);
  date('updatedAt', r.updatedAt, true);
  date('resolvedAt', r.resolvedAt, true);
  if (typeof r.resolved !== 'boolean') out.push('resolved: not a boolean');
  if (typeof r.forwarded !== 'boolean') out.push('forwarded: not a boolean');
  if (r.reporter) account('reporter', r.reporter);
  if (!r.target) out.push('target: missing');
  else account('target', r.target);
  if (r.assignee) account('assignee', r.assignee);
  r.statuses.forEach((s, i) => {
    str(`statuses.${i}.remoteId`, s.remoteId, LIMITS.name);
    str(`statuses.${i}.url`, s.url, LIMITS.url, true);
    str(`statuses.${i}.uri`, s.uri, LIMITS.url, true);
    str(`statuses.${i}.contentHtml`, s.contentHtml, LIMITS.html);
    str(`statuses.${i}.spoilerText`, s.spoilerText, LIMITS.comment);
    str(`statuses.${i}.visibility`, s.visibility, LIMITS.name, true);
    date(`statuses.${i}.createdAt`, s.createdAt, true);
    if (typeof s.sensitive !== 'boolean') out.push(`statuses.${i}.sensitive: not a boolean`);
    s.media.forEach((m, j) => {
      str(`statuses.${i}.media.${j}.remoteId`, m.remoteId, LIMITS.name);
      str(`statuses.${i}.media.${j}.url`, m.url, LIMITS.url);
      str(`statuses.${i}.media.${j}.previewUrl`, m.previewUrl, LIMITS.url, true);
      str(`statuses.${i}.media.${j}.remoteUrl`, m.remoteUrl, LIMITS.url, true);
      str(`statuses.${i}.media.${j}.description`, m.description, LIMITS.comment, true);
      if (m.meta && JSON.stringify(m.meta).includes('\\u0000')) out.push(`statuses.${i}.media.${j}.meta: NUL`);
    });
  });
  r.rules.forEach((x, i) => {
    str(`rules.${i}.remoteId`, x.remoteId, LIMITS.name);
    str(`rules.${i}.text`, x.text, LIMITS.comment);
  });
  (r.notes ?? []).forEach((n, i) => {
    str(`notes.${i}.text`, n.text, LIMITS.comment);
    str(`notes.${i}.author`, n.author, LIMITS.name, true);
    date(`notes.${i}.createdAt`, n.createdAt, true);
  });
  return out;
}
