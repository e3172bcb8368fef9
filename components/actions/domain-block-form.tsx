'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { DomainBlockOption } from '@/lib/connectors/types';
import { permanenceOf } from './permanence';
import { PermanenceMark } from './permanence-mark';
import type { ReportActionsData } from './use-report-actions';

const ALL: DomainBlockOption[] = ['severity', 'rejectMedia', 'rejectReports', 'obfuscate', 'privateComment', 'publicComment'];

/** A domain block with only the options this server takes: elsewhere a block is always a full block. */
export function DomainBlockForm({ data, busy, onSubmit }: { data: ReportActionsData; busy: boolean; onSubmit: (a: Record<string, unknown>) => void }) {
  const options = new Set(data.capabilities.domainBlockOptions ?? ALL);
  const [severity, setSeverity] = useState(options.has('severity') ? 'silence' : 'suspend');
  const [rejectMedia, setRejectMedia] = useState(false);
  const [rejectReports, setRejectReports] = useState(false);
  const [obfuscate, setObfuscate] = useState(false);
  const [privateComment, setPrivateComment] = useState('');
  const [publicComment, setPublicComment] = useState('');
  if (!data.capabilities.actions.includes('domain.block') || !data.target.domain) return null;
  const domain = data.target.domain;
  const note = data.capabilities.notes['domain.block'];
  // Where the server has no severity, every block is a full (suspending) block.
  const permanence = permanenceOf({ kind: 'domain.block', severity: options.has('severity') ? severity : 'suspend' }, data.capabilities);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const what = options.has('severity') ? severity : 'full block';
    const warning = permanence.permanent ? ` This cannot be undone: ${permanence.why}` : '';
    if (!window.confirm(`Block ${domain} on ${data.instance.name} (${what})?${warning}`)) return;
    onSubmit({ kind: 'domain.block', domain, severity, rejectMedia, rejectReports, obfuscate, privateComment, publicComment });
  };
  return (
    <form onSubmit={submit} className="space-y-2" aria-label="Domain block">
      {options.has('severity') ? (
        <Field label={`Block the domain ${domain}`}>
          <Select value={severity} onChange={(e) => setSeverity(e.target.value)} name="domain-block-severity">
            <option value="noop">No restriction (only the options below)</option>
            <option value="silence">Limit (silence)</option>
            <option value="suspend">Suspend</option>
          </Select>
        </Field>
      ) : (
        <p className="text-sm">Block the domain <strong>{domain}</strong></p>
      )}
      <div className="grid gap-1 text-sm">
        {options.has('rejectMedia') ? <label className="flex items-center gap-2"><input type="checkbox" checked={rejectMedia} onChange={(e) => setRejectMedia(e.target.checked)} /> Reject media files (also clears cached media)</label> : null}
        {options.has('rejectReports') ? <label className="flex items-center gap-2"><input type="checkbox" checked={rejectReports} onChange={(e) => setRejectReports(e.target.checked)} /> Reject reports from this domain</label> : null}
        {options.has('obfuscate') ? <label className="flex items-center gap-2"><input type="checkbox" checked={obfuscate} onChange={(e) => setObfuscate(e.target.checked)} /> Obfuscate the domain name in public lists</label> : null}
      </div>
      {options.has('privateComment') ? <Field label="Private comment"><Input value={privateComment} onChange={(e) => setPrivateComment(e.target.value)} /></Field> : null}
      {options.has('publicComment') ? <Field label="Public comment"><Input value={publicComment} onChange={(e) => setPublicComment(e.target.value)} /></Field> : null}
      {note ? <p className="text-xs text-muted">{note}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant={permanence.permanent ? 'danger' : 'primary'} disabled={busy}>Block domain</Button>
        <PermanenceMark p={permanence} />
      </div>
      {!permanence.permanent && permanence.why ? <p className="text-xs text-muted">{permanence.why}</p> : null}
    </form>
  );
}
