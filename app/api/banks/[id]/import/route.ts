import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current-actor';
import { signalType } from '@/lib/banks/bank-fields';
import { importEntries } from '@/lib/banks/import-entries';
import { readImportUpload } from '@/lib/banks/read-import-upload';
import { handle, json } from '@/lib/http/route';

type Params = { params: Promise<{ id: string }> };
const id = z.uuid();
// The page shows the first rejected lines; the counts always cover the whole file.
const REJECTED_SHOWN = 200;

export async function POST(req: Request, { params }: Params) {
  return handle(async () => {
    const actor = await requireApiActor(req, 'admin');
    const bankId = id.parse((await params).id);
    const upload = await readImportUpload(req);
    const signal = signalType.optional().parse(upload.signal);
    const summary = await importEntries({ ctx: { actor }, input: { bankId, text: upload.text, file: upload.file, signal } });
    return json({ ...summary, rejectedLines: summary.rejectedLines.slice(0, REJECTED_SHOWN) });
  });
}
