'use client';

import { useState, type FormEvent } from 'react';
import type { AllowView } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { useBlocklistAction } from './use-blocklist-action';

/** Domains no list may block (with their subdomains). Moderators and up add and remove; viewers read. */
export function AllowCard({ allow, canEdit }: { allow: AllowView[]; canEdit: boolean }) {
  const [domain, setDomain] = useState('');
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const add = useBlocklistAction<{ domain: string; comment: string }>((body) => ({ url: '/api/blocklists/allow', method: 'POST', body }));
  const remove = useBlocklistAction<string>((d) => ({ url: `/api/blocklists/allow/${encodeURIComponent(d)}`, method: 'DELETE' }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setStatus(null);
    const d = domain.trim();
    if (!d) return;
    add.mutate({ domain: d, comment: comment.trim() }, { onSuccess: () => { setDomain(''); setComment(''); setStatus(`${d} is allowed.`); } });
  }

  const error = add.error?.message ?? remove.error?.message ?? null;
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold">Allowlist ({allow.length})</h2>
      <p className="text-xs text-muted">Never blocked by a list, nor their subdomains. Your own instances&apos; domains are always protected.</p>
      {allow.length === 0 ? <p className="text-sm text-muted">No domain allowed yet.</p> : (
        <ul className="max-h-64 divide-y divide-line overflow-y-auto text-sm" aria-label="Allowed domains">
          {allow.map((a) => (
            <li key={a.domain} className="flex items-start gap-2 py-1.5">
              <div className="min-w-0 flex-1">
                <div className="break-words font-medium">{a.domain}</div>
                {a.comment ? <div className="break-words text-xs text-muted" dir="auto">{a.comment}</div> : null}
              </div>
              {canEdit ? (
                <Button variant="ghost" className="shrink-0 px-2 py-0.5 text-xs" disabled={remove.isPending} aria-label={`Remove ${a.domain} from the allowlist`}
                  onClick={() => { setStatus(null); remove.mutate(a.domain, { onSuccess: () => setStatus(`${a.domain} removed from the allowlist.`) }); }}>
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form onSubmit={submit} className="space-y-2" aria-label="Allow a domain">
          <div className="grid gap-2 sm:grid-cols-2">
            <Field label="Domain"><Input value={domain} onChange={(e) => setDomain(e.target.value)} required maxLength={300} placeholder="example.org" data-testid="blocklist-allow-input" /></Field>
            <Field label="Why (optional)"><Input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} /></Field>
          </div>
          <Button type="submit" disabled={add.isPending || !domain.trim()} data-testid="blocklist-allow-add">{add.isPending ? 'Adding…' : 'Allow domain'}</Button>
        </form>
      ) : null}
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : status ? <p className="text-xs text-ok">{status}</p> : null}</div>
    </Card>
  );
}
