-- Search (lib/search) lists matching reports newest first across every status. Without an index on the creation
-- time alone, a word found in most comments made Postgres read and sort every matching report (330 ms at 100,000
-- reports); walking this index stops after the first page of matches (2 ms). Rare words still use the trigram index.
CREATE INDEX "Report_remoteCreatedAt_id_idx" ON "Report"("remoteCreatedAt" DESC, "id" DESC);
