'use client';

/**
 * A note box that offers colleagues when `@` is typed: a listbox under the box, arrows to move, Enter or Tab to
 * insert `@name `, Esc to close, or a click. The textarea keeps focus throughout (aria-activedescendant points at
 * the highlighted option), so typing never stops.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { insertMention, matchMembers, mentionAt } from './mention-query';
import { useMembers } from './use-members';

export function MentionTextarea({ value, onChange, label, name, rows = 3, maxLength = 5000, disabled }: {
  value: string; onChange: (v: string) => void; label: string; name: string; rows?: number; maxLength?: number; disabled?: boolean;
}) {
  const id = useId();
  const listId = `${id}-mentions`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const members = useMembers();
  const [at, setAt] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const options = at && closedAt !== at.start ? matchMembers(members.data ?? [], at.query) : [];
  const open = options.length > 0;
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;

  function follow(text: string, caret: number) {
    const next = mentionAt(text, caret);
    setAt(next);
    if (!next || next.start !== at?.start) { setActive(0); setClosedAt(null); }
  }

  function choose(mentionName: string) {
    const el = ref.current;
    if (!el || !at) return;
    const out = insertMention(value, at.start, el.selectionStart ?? value.length, mentionName);
    onChange(out.text);
    setAt(null);
    requestAnimationFrame(() => { el.focus(); el.setSelectionRange(out.caret, out.caret); });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => (a + 1) % options.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => (a - 1 + options.length) % options.length); }
    else if ((e.key === 'Enter' || e.key === 'Tab') && current) { e.preventDefault(); choose(current.mentionName); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setClosedAt(at?.start ?? null); }
  }

  return (
    <div className="relative">
      <label className="block space-y-1">
        <span className="text-sm font-medium">{label}</span>
        {/* A plain textarea (the ui primitive takes no ref): the same look as Textarea. */}
        <textarea
          ref={ref}
          className="w-full rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm"
          value={value}
          name={name}
          rows={rows}
          maxLength={maxLength}
          disabled={disabled}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => { onChange(e.target.value); follow(e.target.value, e.target.selectionStart ?? e.target.value.length); }}
          onKeyDown={onKeyDown}
          onClick={(e) => follow(value, e.currentTarget.selectionStart ?? value.length)}
          onBlur={() => setAt(null)}
        />
      </label>
      <span id={`${id}-hint`} className="block text-xs text-muted">Type @ to mention a colleague; they will find it in their inbox.</span>
      {open ? (
        <ul id={listId} role="listbox" aria-label="Colleagues to mention" className="absolute left-0 right-0 z-20 mt-1 max-h-56 overflow-auto rounded-md border border-line bg-surface py-1 text-sm shadow-lg" data-testid="mention-options">
          {options.map((m) => (
            <li
              key={m.id}
              id={`${listId}-${m.id}`}
              role="option"
              aria-selected={m.id === current?.id}
              className={`cursor-pointer px-2.5 py-1 ${m.id === current?.id ? 'bg-selected' : 'hover:bg-subtle'}`}
              // mousedown, not click: the textarea must not lose focus (and close the list) first.
              onMouseDown={(e) => { e.preventDefault(); choose(m.mentionName); }}
            >
              <span className="font-medium">@{m.mentionName}</span> <span className="text-muted">{m.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <span className="sr-only" aria-live="polite">{open ? `${options.length} colleague${options.length === 1 ? '' : 's'} match; arrows to choose, Enter to insert.` : ''}</span>
    </div>
  );
}
