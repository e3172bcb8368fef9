'use client';

import { useState } from 'react';
import type { InstanceCount } from '@/lib/queue/types';
import { Input, Select } from '@/components/ui/field';
import { KNOWN_CATEGORIES } from './format';
import type { QueueFilterValues } from './filter-values';

type Patch = Partial<QueueFilterValues>;

export function QueueFilters({ value, counts, onChange }: { value: QueueFilterValues; counts: InstanceCount[]; onChange: (p: Patch) => void }) {
  const categories = value.category && !(KNOWN_CATEGORIES as readonly string[]).includes(value.category) ? [...KNOWN_CATEGORIES, value.category] : KNOWN_CATEGORIES;
  return (
    <div className="mb-3 space-y-2">
      <div role="tablist" aria-label="Report status" className="flex gap-1 border-b border-line">
        {(['open', 'resolved'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={value.status === s}
            onClick={() => onChange({ status: s })}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm capitalize ${value.status === s ? 'border-accent font-medium text-accent' : 'border-transparent text-muted hover:text-ink'}`}
          >
            {s}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Labelled label="Instance">
          <Select value={value.instanceId ?? ''} onChange={(e) => onChange({ instanceId: e.target.value || undefined })}>
            <option value="">All instances</option>
            {counts.map((c) => <option key={c.instanceId} value={c.instanceId}>{c.name}</option>)}
          </Select>
        </Labelled>
        <Labelled label="Category">
          <Select value={value.category ?? ''} onChange={(e) => onChange({ category: e.target.value || undefined })}>
            <option value="">All categories</option>
            {categories.map((c) => <option key={c} value={c}>{c}</option>)}
          </Select>
        </Labelled>
        <Labelled label="Assignee">
          <Select value={value.assignee} onChange={(e) => onChange({ assignee: e.target.value as QueueFilterValues['assignee'] })}>
            <option value="any">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="assigned">Assigned</option>
            <option value="unassigned">Unassigned</option>
          </Select>
        </Labelled>
        <Labelled label="Sort">
          <Select value={value.sort} onChange={(e) => onChange({ sort: e.target.value as QueueFilterValues['sort'] })}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="priority">Priority</option>
          </Select>
        </Labelled>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={value.hasMedia === true} onChange={(e) => onChange({ hasMedia: e.target.checked ? true : undefined })} />
          Has media
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={value.hasMatch === true} onChange={(e) => onChange({ hasMatch: e.target.checked ? true : undefined })} />
          Has matches
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={value.escalated === true} onChange={(e) => onChange({ escalated: e.target.checked ? true : undefined })} />
          Escalated
        </label>
        <TagFilter key={value.tag ?? ''} value={value.tag} onChange={(tag) => onChange({ tag })} />
      </div>
    </div>
  );
}

/** Applied on Enter or when leaving the field, not per keystroke: every change reloads the list. */
function TagFilter({ value, onChange }: { value?: string; onChange: (tag: string | undefined) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  const commit = () => {
    const tag = draft.trim().toLowerCase().slice(0, 32) || undefined;
    if (tag !== value) onChange(tag);
  };
  return (
    <Labelled label="Tag">
      <Input
        type="search"
        value={draft}
        maxLength={32}
        placeholder="any tag"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } }}
      />
    </Labelled>
  );
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex items-center gap-1.5">
      <span className="text-muted">{label}</span>
      <span className="w-40">{children}</span>
    </label>
  );
}
