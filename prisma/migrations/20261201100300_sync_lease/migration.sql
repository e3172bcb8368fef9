-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "syncLeaseToken" TEXT,
ADD COLUMN     "syncLeaseUntil" TIMESTAMP(3);
