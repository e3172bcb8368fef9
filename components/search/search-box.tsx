'use client';

/**
 * The nav's search field: `/` focuses it from anywhere (unless typing or a dialog is open), Enter goes to
 * /search?q=, Esc leaves it. A plain GET form underneath, so it also works before hydration.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { isTyping } from './is-typing';

export function SearchBox() {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== '/' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const el = input.current;
      // Hidden (the collapsed mobile menu): leave the key alone rather than focus something invisible.
      if (!el || el.offsetParent === null) return;
      e.preventDefault();
      el.focus();
      el.select();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      aria-label="Quick search"
      action="/search"
      method="get"
      data-testid="search-box"
      className="w-full min-w-0 sm:w-56 md:w-44 2xl:w-56"
      onSubmit={(e) => {
        e.preventDefault();
        const text = q.trim();
        if (text) router.push(`/search?q=${encodeURIComponent(text)}`);
      }}
    >
      <label htmlFor={id} className="sr-only">Search</label>
      <input
        id={id}
        ref={input}
        name="q"
        type="search"
        value={q}
        maxLength={200}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') e.currentTarget.blur(); }}
        placeholder="Search reports, accounts, hashes…"
        aria-keyshortcuts="/"
        autoComplete="off"
        className="w-full rounded-md border border-line bg-surface px-2.5 py-1 text-sm text-ink placeholder:text-muted"
      />
    </form>
  );
}
