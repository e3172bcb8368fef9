'use client';

import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { sendJson } from '@/components/auth/send-json';

type Status = { tone: 'ok' | 'error'; text: string } | null;

const prefsSchema = z.object({ blurMedia: z.boolean(), grayscaleMedia: z.boolean(), severeAsHashes: z.boolean() });
type Prefs = z.infer<typeof prefsSchema>;

export function PreferencesForm({ initial }: { initial: Prefs }) {
  const [prefs, setPrefs] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    const res = await sendJson('/api/me/preferences', 'PATCH', prefs, prefsSchema);
    setPending(false);
    if (res.ok) setPrefs(res.data);
    setStatus(res.ok ? { tone: 'ok', text: 'Saved.' } : { tone: 'error', text: res.message });
  }

  const toggle = (key: keyof Prefs, label: string, hint: string) => (
    <label className="flex items-start gap-3">
      <input type="checkbox" className="mt-1" checked={prefs[key]} onChange={(e) => setPrefs({ ...prefs, [key]: e.target.checked })} />
      <span>
        <span className="block text-sm font-medium">{label}</span>
        <span className="block text-xs text-muted">{hint}</span>
      </span>
    </label>
  );

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Media display</h2>
      <p className="mb-4 text-sm text-muted">How reported images first appear to you. You can always reveal one on request; every reveal is logged and counts toward your exposure. Videos never play by themselves and start muted.</p>
      <form onSubmit={onSubmit} className="space-y-3">
        {toggle('blurMedia', 'Blur media by default', 'Recommended. Shows a blurred preview until you choose to reveal it.')}
        {toggle('grayscaleMedia', 'Grayscale by default', 'Removes colour, which makes distressing images easier to look at.')}
        {toggle('severeAsHashes', 'Show severe items as hashes and match data only', 'Recommended. Media matched at the team\u2019s severe level shows no picture at all, not even blurred: only the match and the file\u2019s hashes. You can still show the blurred preview of one item.')}
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save display settings'}
        </Button>
      </form>
    </Card>
  );
}
