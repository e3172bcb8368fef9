-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('open', 'purging', 'purged', 'closed');

-- CreateEnum
CREATE TYPE "CaseCopyState" AS ENUM ('present', 'removed', 'cannot_check', 'error');

-- CreateEnum
CREATE TYPE "CaseLookupStatus" AS ENUM ('queued', 'running', 'found', 'none', 'cannot_check', 'error');

-- AlterTable
ALTER TABLE "Status" ADD COLUMN     "uri" TEXT;

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'open',
    "severity" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT,
    "openedVia" TEXT NOT NULL,
    "openedById" UUID,
    "openedByLabel" TEXT NOT NULL,
    "assigneeId" UUID,
    "primaryMediaId" UUID,
    "sha256" TEXT,
    "md5" TEXT,
    "pdqHash" TEXT,
    "pdqQuality" INTEGER,
    "pdqDihedral" JSONB,
    "originUri" TEXT,
    "originUrl" TEXT,
    "originMediaUrl" TEXT,
    "originAcct" TEXT,
    "originAccountUrl" TEXT,
    "originDomain" TEXT,
    "bestMatch" JSONB,
    "copyCount" INTEGER NOT NULL DEFAULT 0,
    "instanceCount" INTEGER NOT NULL DEFAULT 0,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCopy" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "copyKey" TEXT NOT NULL,
    "mediaId" UUID,
    "remotePostId" TEXT,
    "postUrl" TEXT,
    "remoteMediaId" TEXT,
    "mediaUrl" TEXT,
    "originUri" TEXT,
    "originMediaUrl" TEXT,
    "accountAcct" TEXT,
    "remoteAccountId" TEXT,
    "foundBy" TEXT NOT NULL,
    "foundVia" TEXT NOT NULL,
    "distance" INTEGER,
    "variant" TEXT,
    "state" "CaseCopyState" NOT NULL DEFAULT 'present',
    "stateDetail" TEXT,
    "foundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCopy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReport" (
    "caseId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseReport_pkey" PRIMARY KEY ("caseId","reportId")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "authorId" UUID,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseLookup" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "status" "CaseLookupStatus" NOT NULL DEFAULT 'queued',
    "detail" TEXT,
    "found" INTEGER NOT NULL DEFAULT 0,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "CaseLookup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSignal" (
    "id" BIGSERIAL NOT NULL,
    "caseId" UUID NOT NULL,
    "signalType" "SignalType" NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseSignal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_state_severity_createdAt_idx" ON "Case"("state", "severity" DESC, "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Case_primaryMediaId_idx" ON "Case"("primaryMediaId");

-- CreateIndex
CREATE INDEX "CaseCopy_mediaId_idx" ON "CaseCopy"("mediaId");

-- CreateIndex
CREATE INDEX "CaseCopy_instanceId_idx" ON "CaseCopy"("instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCopy_caseId_instanceId_copyKey_key" ON "CaseCopy"("caseId", "instanceId", "copyKey");

-- CreateIndex
CREATE INDEX "CaseReport_reportId_idx" ON "CaseReport"("reportId");

-- CreateIndex
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseLookup_caseId_instanceId_key" ON "CaseLookup"("caseId", "instanceId");

-- CreateIndex
CREATE INDEX "CaseSignal_signalType_value_idx" ON "CaseSignal"("signalType", "value");

-- CreateIndex
CREATE UNIQUE INDEX "CaseSignal_caseId_signalType_value_key" ON "CaseSignal"("caseId", "signalType", "value");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_seq_idx" ON "AuditEvent"("targetType", "targetId", "seq");

-- CreateIndex
CREATE INDEX "Status_uri_idx" ON "Status"("uri");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReport" ADD CONSTRAINT "CaseReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReport" ADD CONSTRAINT "CaseReport_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLookup" ADD CONSTRAINT "CaseLookup_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLookup" ADD CONSTRAINT "CaseLookup_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseSignal" ADD CONSTRAINT "CaseSignal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
