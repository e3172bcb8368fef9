import { requireApiActor } from '@/lib/auth/current-actor';
import { listRules } from '@/lib/holding/list-rules';
import { holdRuleInput } from '@/lib/holding/rule-input';
import { saveRule } from '@/lib/holding/save-rule';
import { handle, json, parseJson } from '@/lib/http/route';

export async function GET(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'viewer');
    return json({ rules: await listRules({ ctx: { actor } }) });
  });
}

export async function POST(req: Request) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const rule = await parseJson(req, holdRuleInput.strict());
    return json({ rule: await saveRule({ ctx: { actor }, input: { rule } }) }, { status: 201 });
  });
}
