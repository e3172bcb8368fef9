import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { getEvidenceSettings, updateEvidenceSettings } from '@/lib/evidence/evidence-settings';
import { handle, json, parseJson } from '@/lib/http/route';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS } from '@/components/cases/evidence-rules';

const body = z.object({ retentionDays: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS) }).strict();

export async function GET(req: Request) {
  return handle(async () => {
    await requireApiActor(req, 'moderator');
    return json(await getEvidenceSettings());
  });
}

/** Admins (the verb checks too); applies to seals made from now on, audited as settings.evidence.updated. */
export async function PUT(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const input = await parseJson(req, body);
    return json(await updateEvidenceSettings({ ctx: { actor }, input }));
  });
}
