'use client';

/**
 * One seal: when, by whom and why, what it holds, its manifest hash (the one the audit chain carries), how long it
 * is kept, and whether it is held or already destroyed. State is always in words, never colour alone.
 */
import { useState, type ReactNode } from 'react';
import type { EvidenceView } from '@/lib/evidence/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatBytes, isoDay, plural } from './evidence-text';

function When({ iso }: { iso: string }) {
  return <time dateTime={iso} title={iso} suppressHydrationWarning>{new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
}

function CopyHash({ hash }: { hash: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(hash);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch { /* clipboard refused (insecure context): the hash stays selectable */ }
  }
  return (
    <Button type="button" variant="ghost" className="px-1.5 py-0.5 text-xs" onClick={() => void copy()}>
      {copied ? 'Copied' : 'Copy'}<span className="sr-only"> manifest hash</span>
    </Button>
  );
}

export function EvidenceSealRow({ seal, children }: { seal: EvidenceView; children?: ReactNode }) {
  const destroyed = seal.destroyedAt !== null;
  return (
    <li className="space-y-2 border-b border-line pb-3 last:border-0 last:pb-0" data-testid="evidence-seal-row" data-version={seal.version} data-destroyed={destroyed ? 'true' : 'false'}>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-sm font-medium">Seal v{seal.version}</span>
        {seal.legalHold ? <Badge tone="warn">Legal hold</Badge> : null}
        {destroyed ? <Badge tone="neutral">Destroyed</Badge> : <Badge tone="ok">Kept</Badge>}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="text-muted">Sealed</dt>
        <dd><When iso={seal.sealedAt} /> by <span className="break-all">{seal.sealedByLabel}</span></dd>
        <dt className="text-muted">Reason</dt>
        <dd className="whitespace-pre-wrap break-words" dir="auto">{seal.reason}</dd>
        <dt className="text-muted">Holds</dt>
        <dd>{plural(seal.itemCount, 'item')}, {formatBytes(seal.totalBytes)}, {plural(seal.copyCount, 'copy', 'copies')}</dd>
        <dt className="text-muted">Manifest SHA-256</dt>
        <dd className="flex min-w-0 items-start gap-1">
          <code className="min-w-0 break-all font-mono" data-testid="evidence-manifest-hash">{seal.manifestSha256}</code>
          <CopyHash hash={seal.manifestSha256} />
        </dd>
        <dt className="text-muted">{destroyed ? 'Destroyed' : 'Kept until'}</dt>
        <dd>
          {destroyed && seal.destroyedAt ? <>
            <When iso={seal.destroyedAt} /> (files gone; the manifest and its hashes stay)
          </> : seal.legalHold ? <>{isoDay(seal.retainUntil)}, and longer: a legal hold keeps it until lifted</> : isoDay(seal.retainUntil)}
        </dd>
        {seal.legalHold && seal.holdReason ? <>
          <dt className="text-muted">Hold reason</dt>
          <dd className="whitespace-pre-wrap break-words" dir="auto">{seal.holdReason}</dd>
        </> : null}
      </dl>
      {children}
    </li>
  );
}
