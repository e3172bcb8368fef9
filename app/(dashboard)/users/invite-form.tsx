'use client';

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { canBeLimited, grantableRoles, ROLE_HELP, type RoleName } from './roles';
import { useMutation } from './use-mutation';

const created = z.object({ path: z.string().startsWith('/invite/'), expiresAt: z.string() });

export function InviteForm({ myRole, instances }: { myRole: RoleName; instances: { id: string; name: string }[] }) {
  const { run, error, pending } = useMutation();
  const [role, setRole] = useState<RoleName>('moderator');
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const email = String(form.get('email') ?? '');
    const instanceIds = canBeLimited(role) ? form.getAll('instanceIds').map(String) : [];
    const out = await run('/api/invites', 'POST', { email, role, instanceIds }, created);
    if (!out) return;
    setLink({ url: `${window.location.origin}${out.path}`, email });
    setCopied(false);
    formEl.reset();
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard blocked: the link stays visible and selectable
    }
  }

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Invite someone</h2>
      <p className="mb-4 text-sm text-muted">You get a link to send them yourself. It works once and expires in 7 days.</p>
      {link ? (
        <div className="mb-4 space-y-2">
          <Alert tone="ok">Invite for {link.email} created. Copy the link now: it is not shown again.</Alert>
          <div className="flex gap-2">
            <Input readOnly value={link.url} aria-label="Invite link" onFocus={(e) => e.currentTarget.select()} />
            <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</Button>
          </div>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Field label="Email">
          <Input name="email" type="email" required autoComplete="off" />
        </Field>
        <Field label="Role" hint={ROLE_HELP[role]}>
          <Select name="role" value={role} onChange={(e) => setRole(z.enum(['owner', 'admin', 'moderator', 'viewer']).parse(e.target.value))}>
            {grantableRoles(myRole).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </Field>
        {canBeLimited(role) && instances.length > 0 ? (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">Limit to instances</legend>
            <p className="text-xs text-muted">Leave all unticked to allow every instance.</p>
            {instances.map((i) => (
              <label key={i.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="instanceIds" value={i.id} />
                {i.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create invite link'}
        </Button>
      </form>
    </Card>
  );
}
