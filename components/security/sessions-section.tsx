'use client';
/**
 * Signed-in sessions: this one marked, end one, end every other, sign out everywhere. Ending this session or
 * signing out everywhere ends this browser's too, so the page clears its cookie and goes to sign-in.
 */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { sendJson } from '@/components/auth/send-json';
import { sessionListSchema, type SessionView } from '@/lib/auth/sessions/types';
import { SessionRow } from './session-row';

type Status = { tone: 'ok' | 'error'; text: string } | null;

const endedSchema = z.object({ ok: z.literal(true), current: z.boolean() });
const endedOthersSchema = z.object({ ok: z.literal(true), ended: z.number() });
const okSchema = z.object({ ok: z.literal(true) });

export function SessionsSection({ initial }: { initial: SessionView[] }) {
  const router = useRouter();
  const [sessions, setSessions] = useState(initial);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  async function reload() {
    const res = await fetch('/api/me/sessions', { credentials: 'same-origin' }).catch(() => null);
    const parsed = sessionListSchema.safeParse(res?.ok ? await res.json().catch(() => null) : null);
    if (parsed.success) setSessions(parsed.data.sessions);
  }

  async function leave() {
    // This browser's cookie no longer counts: clear it and go to the sign-in page.
    await signOut({ redirect: false }).catch(() => undefined);
    router.push('/signin');
  }

  async function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done: (data: T) => Promise<void> | void) {
    setBusy(true);
    const res = await call();
    if (!res.ok) {
      setBusy(false);
      return setStatus({ tone: 'error', text: res.message });
    }
    await done(res.data);
    setBusy(false);
  }

  const endOne = (s: SessionView) =>
    run(() => sendJson(`/api/me/sessions/${s.id}`, 'DELETE', undefined, endedSchema), async (data) => {
      if (data.current) return leave();
      setStatus({ tone: 'ok', text: `Ended the session on ${s.device}.` });
      await reload();
    });

  const endOthers = () =>
    run(() => sendJson('/api/me/sessions/end-others', 'POST', undefined, endedOthersSchema), async (data) => {
      setStatus({ tone: 'ok', text: data.ended === 1 ? 'Ended 1 other session.' : `Ended ${data.ended} other sessions.` });
      await reload();
    });

  const everywhere = () => run(() => sendJson('/api/me/sessions', 'DELETE', undefined, okSchema), leave);

  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold">Sessions</h2>
      <p className="mb-3 text-sm text-muted">
        Where you are signed in. End a session you do not recognise; changing your password ends every other session too.
      </p>
      {sessions.length === 0 ? (
        <p className="text-sm text-muted">No live sessions.</p>
      ) : (
        <ul data-testid="sessions-list" aria-label="Signed-in sessions" className="mb-4 divide-y divide-line border-y border-line">
          {sessions.map((s) => <SessionRow key={s.id} session={s} busy={busy} onEnd={(x) => void endOne(x)} />)}
        </ul>
      )}
      <div aria-live="polite" className="mb-3 empty:mb-0">
        {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" data-testid="end-others-button" disabled={busy} onClick={() => void endOthers()}>
          End every other session
        </Button>
        <Button type="button" variant="danger" data-testid="sign-out-everywhere-button" disabled={busy} onClick={() => void everywhere()}>
          {busy ? 'Working…' : 'Sign out everywhere'}
        </Button>
      </div>
      <p className="mt-2 text-xs text-muted">Sign out everywhere ends every session, this one included. Use it if a device was lost or a session may have been copied.</p>
    </Card>
  );
}
