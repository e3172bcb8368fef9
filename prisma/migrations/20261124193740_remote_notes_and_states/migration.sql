-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "remoteDeletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "remoteNotes" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Status" ADD COLUMN     "remoteState" TEXT;
