/**
 * Pure: one declared purge step filled in with one copy's references on its instance, or which reference it lacks.
 * The payload is a ConnectorAction with this instance's own ids only (never another instance's).
 */
import type { Capabilities, ConnectorAction, PurgeOption, PurgeStepRef } from '@/lib/connectors/types';

export interface StepRefs {
  remotePostId: string | null;
  remoteMediaId: string | null;
  mediaUrl: string | null;
  /** The posting account's id on this instance (the copy's, else its media's status account). */
  remoteAccountId: string | null;
  /** The posting account's domain: from its acct (user@host), else the case's origin domain. */
  accountHost: string | null;
  accountAcct: string | null;
}

type Built = { payload: ConnectorAction & Record<string, unknown>; label: string } | { missing: PurgeStepRef; reason?: string };

export function buildStep(step: PurgeOption['steps'][number], c: StepRefs, inst: { domain: string }, caps: Pick<Capabilities, 'statusIdPattern'>): Built {
  const base = step.action;
  const kind = base.kind;
  const fill: Record<string, unknown> = {};
  for (const need of step.needs) {
    switch (need) {
      case 'post': {
        if (!c.remotePostId) return { missing: 'post' };
        const pattern = caps.statusIdPattern?.[kind];
        if (pattern && !new RegExp(pattern).test(c.remotePostId)) return { missing: 'post', reason: `This server cannot do ${kind} to post ${c.remotePostId}.` };
        fill.statusId = c.remotePostId;
        break;
      }
      case 'media':
        if (!c.remoteMediaId) return { missing: 'media' };
        fill.mediaId = c.remoteMediaId;
        break;
      case 'media_url':
        if (!c.mediaUrl) return { missing: 'media_url' };
        fill.urls = [c.mediaUrl];
        break;
      case 'account':
        if (!c.remoteAccountId) return { missing: 'account' };
        fill.accountId = c.remoteAccountId;
        break;
      case 'account_host': {
        const host = c.accountHost?.toLowerCase() ?? null;
        // Blocking or purging this server's own domain would reach its own users, not the item.
        if (!host || host === inst.domain.toLowerCase()) return { missing: 'account_host' };
        if (kind === 'domain.block') fill.domain = host;
        else fill.host = host;
        break;
      }
      case 'none':
        break;
    }
  }
  // Our own catalogue (capabilities.ts) plus refs of the right field names: a ConnectorAction by construction.
  const payload = { ...base, ...fill } as ConnectorAction & Record<string, unknown>;
  return { payload, label: labelFor(payload, c) };
}

function labelFor(p: Record<string, unknown>, c: StepRefs): string {
  const who = c.accountAcct ? ` ${c.accountAcct}` : '';
  switch (p.kind) {
    case 'account.action': return `Suspend the account${who}`;
    case 'account.delete': return `Delete the account${who} and its data`;
    case 'status.delete': return `Delete post ${String(p.statusId)}`;
    case 'status.purge': return `Purge post ${String(p.statusId)} and its images`;
    case 'status.block': return `Block video ${String(p.statusId)}`;
    case 'media.delete': return `Delete file ${String(p.mediaId)}`;
    case 'media.purge':
      if (Array.isArray(p.urls)) return `Purge ${String(p.urls[0])} from the media cache`;
      if (typeof p.host === 'string') return `Delete every cached file from ${p.host}`;
      return 'Clean up the remote media cache';
    case 'domain.block': return `Block the domain ${String(p.domain)}${p.rejectMedia ? ' with reject media' : ''}`;
    default: return String(p.kind);
  }
}

/** The host of an acct "user@host" (a local acct has none). */
export function hostOfAcct(acct: string | null): string | null {
  if (!acct) return null;
  const at = acct.replace(/^@/, '').split('@');
  return at.length === 2 && at[1] ? at[1].toLowerCase() : null;
}
