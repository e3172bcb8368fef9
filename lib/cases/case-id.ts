/** Case ids arrive from routes and the CLI: anything that is not a uuid is simply not a case. */
import { z } from 'zod';
import { AppError } from '@/lib/errors';

export function parseCaseId(id: unknown): string {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'case id is not a uuid');
  return parsed.data;
}
