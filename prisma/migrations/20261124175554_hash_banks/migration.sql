-- CreateEnum
CREATE TYPE "BankKind" AS ENUM ('match', 'allow');

-- CreateEnum
CREATE TYPE "SignalType" AS ENUM ('pdq', 'md5', 'sha256');

-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "pdqDihedral" JSONB;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "matchDistance" INTEGER,
ADD COLUMN     "matchSeverity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "matchSummary" JSONB;

-- CreateTable
CREATE TABLE "HashBank" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "BankKind" NOT NULL,
    "label" TEXT,
    "severity" INTEGER NOT NULL DEFAULT 3,
    "description" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HashBank_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankEntry" (
    "id" BIGSERIAL NOT NULL,
    "bankId" UUID NOT NULL,
    "signalType" "SignalType" NOT NULL,
    "value" TEXT NOT NULL,
    "label" TEXT,
    "provenance" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BankEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankChange" (
    "seq" BIGSERIAL NOT NULL,
    "bankId" UUID NOT NULL,
    "entryId" BIGINT,
    "op" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankChange_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "MediaMatch" (
    "id" UUID NOT NULL,
    "mediaId" UUID NOT NULL,
    "entryId" BIGINT NOT NULL,
    "bankId" UUID NOT NULL,
    "signalType" "SignalType" NOT NULL,
    "distance" INTEGER NOT NULL,
    "variant" TEXT NOT NULL DEFAULT 'original',
    "quality" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RematchRun" (
    "id" UUID NOT NULL,
    "bankId" UUID,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RematchRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HashBank_name_key" ON "HashBank"("name");

-- CreateIndex
CREATE INDEX "BankEntry_signalType_value_idx" ON "BankEntry"("signalType", "value");

-- CreateIndex
CREATE UNIQUE INDEX "BankEntry_bankId_signalType_value_key" ON "BankEntry"("bankId", "signalType", "value");

-- CreateIndex
CREATE INDEX "MediaMatch_bankId_idx" ON "MediaMatch"("bankId");

-- CreateIndex
CREATE UNIQUE INDEX "MediaMatch_mediaId_entryId_key" ON "MediaMatch"("mediaId", "entryId");

-- CreateIndex
CREATE INDEX "RematchRun_bankId_createdAt_idx" ON "RematchRun"("bankId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Report_status_matchSeverity_idx" ON "Report"("status", "matchSeverity");

-- AddForeignKey
ALTER TABLE "BankEntry" ADD CONSTRAINT "BankEntry_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "HashBank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaMatch" ADD CONSTRAINT "MediaMatch_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaMatch" ADD CONSTRAINT "MediaMatch_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "BankEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaMatch" ADD CONSTRAINT "MediaMatch_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "HashBank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RematchRun" ADD CONSTRAINT "RematchRun_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "HashBank"("id") ON DELETE CASCADE ON UPDATE CASCADE;
