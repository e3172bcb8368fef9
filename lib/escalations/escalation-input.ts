/** Inputs of the escalation verbs, shared by the verbs and the routes. */
import { z } from 'zod';
import { subjectTypeSchema } from '@/lib/notes/subject';

export const raiseInput = z.object({
  subjectType: subjectTypeSchema,
  subjectKey: z.string().max(400),
  reason: z.string().trim().min(3, 'Say in a few words why an admin should look (at least 3 characters).').max(500, 'Keep the reason under 500 characters.'),
  assigneeId: z.uuid('Choose an admin from the list.').nullish(),
}).strict();

export const resolveInput = z.object({
  id: z.uuid('Not an escalation id.'),
  resolution: z.string().trim().min(1, 'Write what was decided.').max(1000, 'Keep it under 1000 characters.'),
}).strict();
