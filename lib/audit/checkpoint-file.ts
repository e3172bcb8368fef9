/**
 * The exported form of a signed checkpoint: one JSON object per line, so a file that checkpoints are appended
 * to (AUDIT_CHECKPOINT_FILE) is itself a valid input for `audit verify --checkpoint FILE`.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { ChainEnd } from './seal';

export const CHECKPOINT_TYPE = 'fedimod.audit.checkpoint';

export interface Checkpoint extends ChainEnd {
  mac: string;
}

const digits = z.string().regex(/^\d{1,19}$/);
const lineSchema = z.object({
  type: z.literal(CHECKPOINT_TYPE),
  version: z.literal(1),
  count: digits,
  lastSeq: digits,
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export function checkpointLine(c: Checkpoint): string {
  return JSON.stringify({ type: CHECKPOINT_TYPE, version: 1, count: String(c.count), lastSeq: String(c.lastSeq), lastHash: c.lastHash, at: c.at.toISOString(), mac: c.mac });
}

/** Every checkpoint in a file: JSON lines, or one (possibly pretty-printed) object. */
export function parseCheckpointFile(text: string): Checkpoint[] {
  const trimmed = text.trim();
  if (!trimmed) throw bad('the checkpoint file is empty');
  const whole = tryJson(trimmed);
  const items = whole.ok ? [whole.value] : trimmed.split('\n').filter((l) => l.trim()).map((l, i) => {
    const one = tryJson(l);
    if (!one.ok) throw bad(`checkpoint line ${i + 1} is not JSON`);
    return one.value;
  });
  return items.map((raw, i) => {
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) throw bad(`checkpoint ${i + 1} is not a fedimod audit checkpoint`);
    const p = parsed.data;
    return { count: BigInt(p.count), lastSeq: BigInt(p.lastSeq), lastHash: p.lastHash, at: new Date(p.at), mac: p.mac };
  });
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function bad(message: string): AppError {
  return new AppError('bad_request', message, { userMessage: `${message[0].toUpperCase()}${message.slice(1)}.` });
}
