'use client';

/**
 * Search results grouped by kind, with a kind filter. j/k (or the arrow keys inside the results) move between hits
 * and focus each one's link, so Enter opens it; the count is announced.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { SEARCH_KINDS, type SearchResult } from '@/lib/search/types';
import { isTyping } from '@/components/search/is-typing';
import { KIND_LABELS } from '@/components/search/search-labels';
import { SearchHit } from '@/components/search/search-hit';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';

export function SearchClient({ q, kind, result, error, gray }: { q: string; kind: string; result: SearchResult | null; error: string | null; gray: boolean }) {
  const router = useRouter();
  const [text, setText] = useState(q);
  const [chosen, setChosen] = useState(SEARCH_KINDS.some((k) => k === kind) ? kind : '');
  const [active, setActive] = useState(-1);
  const list = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => (result?.groups ?? []).filter((g) => g.items.length > 0 || chosen !== ''), [result, chosen]);
  const count = groups.reduce((n, g) => n + g.items.length, 0);

  function go(e: React.FormEvent) {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    router.push(`/search?q=${encodeURIComponent(t)}${chosen ? `&kind=${chosen}` : ''}`);
  }

  function move(delta: 1 | -1) {
    const links = list.current?.querySelectorAll<HTMLElement>('[data-hit]');
    if (!links || links.length === 0) return;
    const next = Math.max(0, Math.min(links.length - 1, active + delta));
    links[next].focus();
    links[next].scrollIntoView({ block: 'nearest' });
    setActive(next);
  }

  const moveRef = useRef(move);
  useEffect(() => { moveRef.current = move; });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const inResults = e.target instanceof Node && !!list.current?.contains(e.target);
      const delta = e.key === 'j' || (inResults && e.key === 'ArrowDown') ? 1 : e.key === 'k' || (inResults && e.key === 'ArrowUp') ? -1 : 0;
      if (delta === 0) return;
      e.preventDefault();
      moveRef.current(delta);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  let index = -1;
  return (
    <div className="space-y-4">
      <form role="search" aria-label="Search everything" onSubmit={go} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <Field label="Search for">
            <Input type="search" name="q" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} placeholder="A comment, @user@domain, a domain, a hash…" />
          </Field>
        </div>
        <div className="w-full sm:w-48">
          <Field label="Kind">
            <Select name="kind" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Everything</option>
              {SEARCH_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="primary">Search</Button>
      </form>

      <p role="status" aria-live="polite" className="text-sm text-muted">
        {error ? '' : result ? (count === 0 ? `Nothing found for “${result.q}”.` : `${count} result${count === 1 ? '' : 's'} for “${result.q}”. Use j and k to move, Enter to open.`) : 'Type what you are looking for: a comment, an account, a domain, post text, a note, or a SHA-256, MD5 or PDQ hash.'}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}

      <div ref={list} data-testid="search-results" className="space-y-4">
        {groups.map((g) => (
          <Card key={g.kind}>
            <section aria-labelledby={`group-${g.kind}`}>
              <h2 id={`group-${g.kind}`} className="mb-1 flex flex-wrap items-baseline gap-2 text-sm font-semibold">
                {KIND_LABELS[g.kind]} <span className="text-xs font-normal text-muted">{g.total === '1' ? '1 match' : `${g.total} matches`}{g.items.length < Number.parseInt(g.total, 10) || g.total.endsWith('+') ? `, first ${g.items.length} shown` : ''}</span>
              </h2>
              {g.items.length === 0 ? (
                <p className="text-sm text-muted">{g.kind === 'hashes' ? 'Give a SHA-256 or PDQ hash (64 hex digits) or an MD5 (32) to search media.' : 'No matches.'}</p>
              ) : (
                <ul className="divide-y divide-line">
                  {g.items.map((item) => {
                    index += 1;
                    const i = index;
                    return <SearchHit key={`${g.kind}:${item.id}`} item={item} index={i} active={i === active} gray={gray} onFocus={() => setActive(i)} />;
                  })}
                </ul>
              )}
            </section>
          </Card>
        ))}
      </div>
    </div>
  );
}
