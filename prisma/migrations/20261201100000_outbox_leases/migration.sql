-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "unconfirmedSendAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- Rows that an older worker left running, or returned to pending after a failed attempt, may already have
-- reached the server: mark them so the new worker looks before sending them again.
UPDATE "Action" SET "unconfirmedSendAt" = COALESCE("startedAt", CURRENT_TIMESTAMP)
WHERE "status" = 'running' OR ("status" = 'pending' AND "attempts" > 0);
