'use client';

import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { saveTheme } from '@/components/layout/apply-theme';
import type { Theme } from '@/components/layout/theme';

const CHOICES: { value: Theme; label: string; hint: string }[] = [
  { value: 'system', label: 'Follow the system', hint: 'Light or dark as your device is set, switching when it does.' },
  { value: 'light', label: 'Light', hint: 'Always light.' },
  { value: 'dark', label: 'Dark', hint: 'Always dark: easier on the eyes on a night shift.' },
];

/** Applies at once (no Save button to forget); the result is announced for screen readers. */
export function AppearanceForm({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const choose = (next: Theme) => {
    setTheme(next);
    setStatus(null);
    saveTheme(next).then(
      () => setStatus({ tone: 'ok', text: 'Saved.' }),
      (e: unknown) => setStatus({ tone: 'error', text: e instanceof Error ? e.message : 'Could not save the theme.' }),
    );
  };

  return (
    <Card data-testid="appearance">
      <fieldset>
        <legend className="mb-1 text-base font-semibold">Appearance</legend>
        <p className="mb-3 text-sm text-muted">Colour theme for this dashboard, on every device you sign in on.</p>
        <div className="space-y-2">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex items-start gap-3">
              <input type="radio" name="theme" value={c.value} className="mt-1" checked={theme === c.value} onChange={() => choose(c.value)} />
              <span>
                <span className="block text-sm font-medium">{c.label}</span>
                <span className="block text-xs text-muted">{c.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <p aria-live="polite" className={`mt-2 min-h-5 text-sm ${status?.tone === 'error' ? 'text-danger' : 'text-ok'}`}>{status?.text ?? ''}</p>
    </Card>
  );
}
