/** Browser-side calls shared by the queue, the report page and /safety: confirm or undo a hold. */
import { z } from 'zod';
import { sendJson } from '@/components/auth/send-json';

export type HoldDecision = 'confirm' | 'undo';

const answer = z.object({ hold: z.object({ id: z.string(), state: z.string() }) });

/** The sentence shown (aria-live or toast) once the server accepted the decision. */
export const DECIDED_TEXT: Record<HoldDecision, string> = {
  confirm: 'Confirmed. The hold stays in place and the item goes on through review.',
  undo: 'Undo requested. The step is being reversed on the server.',
};

export async function decideHold(id: string, decision: HoldDecision): Promise<{ ok: true; text: string } | { ok: false; text: string }> {
  const res = await sendJson(`/api/holding/holds/${encodeURIComponent(id)}/${decision}`, 'POST', {}, answer);
  return res.ok ? { ok: true, text: DECIDED_TEXT[decision] } : { ok: false, text: res.message };
}
