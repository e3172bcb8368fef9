/** The input of a team note, shared by the verb and the route. */
import { z } from 'zod';

export const teamNoteSubjectType = z.enum(['report', 'account', 'domain'], { message: 'Notes go on a report, an account or a domain.' });
export const noteBody = z.string().trim().min(1, 'Write the note first.').max(5000, 'A note is at most 5000 characters.');
export const teamNoteInput = z.object({ subjectType: teamNoteSubjectType, subjectKey: z.string().max(400), body: noteBody });
export type TeamNoteInput = z.input<typeof teamNoteInput>;
