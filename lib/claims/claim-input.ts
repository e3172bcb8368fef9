/** The subject of a claim as every claim verb and route receives it. */
import { z } from 'zod';

export const claimSubjectType = z.enum(['report', 'case'], { error: 'Claims are for reports and cases.' });

export const claimSubjectSchema = z.object({
  subjectType: claimSubjectType,
  subjectKey: z.uuid({ error: 'That is not a report or case id.' }),
}).strict();

export type ClaimSubject = z.infer<typeof claimSubjectSchema>;
