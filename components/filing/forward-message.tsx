'use client';

/**
 * A forward nobody's API can carry: the ready message for the origin's admins, their contact address (found in
 * the origin's NodeInfo or instance API) as a mailto link, and buttons to copy it and to record that it was sent.
 * The contact comes from a remote server: it becomes a link only when it looks like a plain address.
 */
import { useState } from 'react';
import type { ForwardView } from '@/lib/forwarding/types';
import { Button } from '@/components/ui/button';

const EMAIL = /^[^\s@<>"(),;:\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** The "Subject: …" line becomes the mail's subject and what follows it the body (a note above it is for us). */
export function mailtoFor(contact: string, message: string): string {
  const m = /(?:^|\n)Subject: (.*)\r?\n\r?\n?([\s\S]*)$/.exec(message);
  const subject = m ? m[1] : 'Report of child sexual abuse material';
  const body = m ? m[2] : message;
  return `mailto:${encodeURIComponent(contact).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function ForwardMessage({ f, canAct, busy, onSent, onDiscard }: { f: ForwardView; canAct: boolean; busy: boolean; onSent: () => void; onDiscard: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const message = f.message ?? '';
  async function copy() {
    try {
      await navigator.clipboard.writeText(message);
      setCopied('Message copied.');
    } catch {
      setCopied('Could not copy: select the text and copy it by hand.');
    }
  }
  return (
    <div className="space-y-2">
      <p className="text-sm">
        Contact:{' '}
        {f.contact && EMAIL.test(f.contact) ? (
          <a className="underline" href={mailtoFor(f.contact, message)} data-testid="forward-contact">{f.contact}</a>
        ) : f.contact ? <span className="break-all" data-testid="forward-contact">{f.contact}</span> : <span className="text-muted">no address published: find the admins on their About page</span>}
        {f.contactSource ? <span className="text-xs text-muted"> (from {f.contactSource})</span> : null}
      </p>
      <pre data-testid="forward-message" className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded border border-line bg-subtle p-2 text-xs">{message}</pre>
      <div className="flex flex-wrap gap-2">
        <Button type="button" data-testid="forward-copy" onClick={() => void copy()}>Copy text</Button>
        {canAct && f.state === 'prepared' ? (
          <Button type="button" variant="primary" data-testid="forward-mark-sent" disabled={busy} onClick={onSent}>Mark as sent</Button>
        ) : null}
        {canAct && (f.state === 'prepared' || f.state === 'failed') ? (
          <Button type="button" variant="ghost" data-testid="forward-discard" disabled={busy} onClick={onDiscard}>Discard</Button>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite">{copied ?? ''}</p>
      {copied ? <p className="text-xs text-muted" aria-hidden="true">{copied}</p> : null}
    </div>
  );
}
