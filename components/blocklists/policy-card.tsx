'use client';

import { useState, type FormEvent } from 'react';
import type { MergePolicy } from '@/lib/blocklists/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { useBlocklistAction } from './use-blocklist-action';

/** The merge rule. Owners and admins edit it; everyone else reads the same words. */
export function PolicyCard({ policy, canEdit }: { policy: MergePolicy; canEdit: boolean }) {
  const [saved, setSaved] = useState(false);
  const save = useBlocklistAction<MergePolicy>((body) => ({ url: '/api/blocklists/policy', method: 'PUT', body }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const f = new FormData(e.currentTarget);
    save.mutate(
      { threshold: Number(f.get('threshold')), severity: f.get('severity') === 'agreed' ? 'agreed' : 'max', autoRetract: f.get('autoRetract') === 'on' },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <Card className="space-y-3" data-testid="blocklist-policy">
      <h2 className="text-sm font-semibold">Merge policy</h2>
      {canEdit ? (
        <form onSubmit={submit} className="space-y-3" aria-label="Merge policy">
          <Field label="Sources needed" hint="A domain is blocked when at least this many sources list it. A trusted source is enough alone.">
            <Input name="threshold" type="number" min={1} max={20} required defaultValue={policy.threshold} className="w-24" data-testid="blocklist-policy-threshold" />
          </Field>
          <Field label="Severity">
            <Select name="severity" defaultValue={policy.severity}>
              <option value="max">Strongest any source gives</option>
              <option value="agreed">Strongest that enough sources agree on</option>
            </Select>
          </Field>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="autoRetract" defaultChecked={policy.autoRetract} className="mt-1" />
            <span>Retract automatically<span className="block text-xs text-muted">When every source drops a domain, remove the blocks the lists made without asking. Hand-made blocks are never removed.</span></span>
          </label>
          <div aria-live="polite">
            {save.error ? <Alert tone="error">{save.error.message}</Alert> : saved ? <Alert tone="ok">Policy saved. The preview uses it now.</Alert> : null}
          </div>
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid="blocklist-policy-save">{save.isPending ? 'Saving…' : 'Save policy'}</Button>
        </form>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-muted">Sources needed</dt><dd>{policy.threshold} (or one trusted)</dd>
          <dt className="text-muted">Severity</dt><dd>{policy.severity === 'max' ? 'Strongest any source gives' : 'Strongest that enough sources agree on'}</dd>
          <dt className="text-muted">Retraction</dt><dd>{policy.autoRetract ? 'Automatic' : 'Proposed in the preview'}</dd>
          <dd className="col-span-2 text-xs text-muted">Owners and admins change the policy.</dd>
        </dl>
      )}
    </Card>
  );
}
