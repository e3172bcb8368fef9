'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { canBeLimited, type RoleName } from './roles';

interface Props {
  email: string;
  role: RoleName;
  /** null = every instance */
  current: string[] | null;
  instances: { id: string; name: string }[];
  instanceName: Map<string, string>;
  editable: boolean;
  pending: boolean;
  onSave: (instanceIds: string[] | null) => Promise<unknown>;
}

export function InstanceLimits({ email, role, current, instances, instanceName, editable, pending, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [all, setAll] = useState(current === null);
  const [chosen, setChosen] = useState<Set<string>>(new Set(current ?? []));
  const legendId = useId();

  const summary = current === null ? 'All instances' : current.map((id) => instanceName.get(id) ?? 'removed instance').join(', ') || 'None';
  if (!canBeLimited(role)) return <span className="text-muted">All instances</span>;
  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <span>{summary}</span>
        {editable && instances.length > 0 ? (
          <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Change instances for ${email}`}>
            Change
          </Button>
        ) : null}
      </div>
    );
  }

  const toggle = (id: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  async function save() {
    // A refused change keeps the editor open so the choice is not lost.
    if ((await onSave(all ? null : [...chosen])) !== null) setEditing(false);
  }

  return (
    <fieldset aria-labelledby={legendId} className="space-y-2">
      <legend id={legendId} className="sr-only">Instances {email} may see</legend>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        All instances
      </label>
      {!all
        ? instances.map((i) => (
            <label key={i.id} className="ml-5 flex items-center gap-2">
              <input type="checkbox" checked={chosen.has(i.id)} onChange={() => toggle(i.id)} />
              {i.name}
            </label>
          ))
        : null}
      <div className="flex gap-2">
        <Button variant="primary" disabled={pending || (!all && chosen.size === 0)} onClick={() => void save()}>
          Save
        </Button>
        <Button variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </fieldset>
  );
}
