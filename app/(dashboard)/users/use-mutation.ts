'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';

/**
 * One write against our API, then a server refresh so the page shows what the database now holds
 * (the server re-checks every rule; the UI only hides what cannot work).
 */
export function useMutation() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();

  async function run<T>(url: string, method: 'POST' | 'PATCH' | 'DELETE', body: unknown, schema: z.ZodType<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    const res = await sendJson(url, method, body, schema);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return null;
    }
    startTransition(() => router.refresh());
    return res.data;
  }

  return { run, error, setError, pending: busy || refreshing };
}
