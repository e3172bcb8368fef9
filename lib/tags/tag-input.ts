import { z } from 'zod';
import { subjectTypeSchema } from '@/lib/notes/subject';
import { tagSchema } from './normalize-tag';

export const tagChangeInput = z.object({
  subjectType: subjectTypeSchema,
  subjectKeys: z.array(z.string().max(400)).min(1, 'Choose at least one item.').max(200, 'At most 200 items at once.'),
  tags: z.array(tagSchema).min(1, 'Give at least one tag.').max(10, 'At most 10 tags at once.'),
}).strict();
export type TagChangeInput = z.input<typeof tagChangeInput>;
