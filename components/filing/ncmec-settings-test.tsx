'use client';

/** "Test connection": asks CyberTipline's /status with the saved settings; the answer is read out (role=status). */
import { useState } from 'react';
import { requestJson } from '@/components/api/request';
import { Button } from '@/components/ui/button';
import type { NcmecTestResult } from '@/lib/filing/types';

export function NcmecTestButton({ disabled }: { disabled: boolean }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onTest() {
    setPending(true);
    try {
      const r = await requestJson<NcmecTestResult>('/api/settings/ncmec/test', { method: 'POST' });
      setResult({ ok: r.ok, text: r.detail });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : 'Something went wrong.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button type="button" onClick={() => void onTest()} disabled={disabled || pending} data-testid="ncmec-test">
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      <p role="status" data-testid="ncmec-test-result" className={`text-sm ${result?.ok === false ? 'text-danger' : 'text-ink'}`}>
        {result ? `${result.ok ? '✓ Connected' : '✗ Failed'}: ${result.text}` : null}
      </p>
    </div>
  );
}
