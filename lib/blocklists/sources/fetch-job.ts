/** The blocklist.fetch job's payload, parsed like every job payload (it comes from the database). */
import { z } from 'zod';

export const blocklistFetchJobData = z.object({ sourceId: z.uuid() });
