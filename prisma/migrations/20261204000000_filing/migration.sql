-- CreateEnum
CREATE TYPE "FilingState" AS ENUM ('pending', 'submitted', 'files_uploaded', 'file_info_sent', 'finished', 'retracted');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "filingAccess" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Filing" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "state" "FilingState" NOT NULL DEFAULT 'pending',
    "problem" TEXT,
    "lastError" TEXT,
    "environment" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "evidenceId" UUID NOT NULL,
    "incidentType" TEXT NOT NULL,
    "reportXml" TEXT NOT NULL,
    "reportSha256" TEXT NOT NULL,
    "reportId" TEXT,
    "submitStartedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "filesUploadedAt" TIMESTAMP(3),
    "fileInfoAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "retractedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "requestedById" UUID,
    "requestedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Filing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FilingFile" (
    "id" UUID NOT NULL,
    "filingId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "n" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mime" TEXT,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "md5" TEXT NOT NULL,
    "locationUrl" TEXT,
    "fileId" TEXT,
    "uploadStartedAt" TIMESTAMP(3),
    "uploadedAt" TIMESTAMP(3),
    "fileInfoAt" TIMESTAMP(3),

    CONSTRAINT "FilingFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseForward" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "instanceId" UUID,
    "actionId" UUID,
    "state" TEXT NOT NULL,
    "message" TEXT,
    "contact" TEXT,
    "contactSource" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseForward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Filing_caseId_idx" ON "Filing"("caseId");

-- CreateIndex
CREATE INDEX "Filing_state_idx" ON "Filing"("state");

-- CreateIndex
CREATE UNIQUE INDEX "FilingFile_filingId_n_key" ON "FilingFile"("filingId", "n");

-- CreateIndex
CREATE UNIQUE INDEX "CaseForward_actionId_key" ON "CaseForward"("actionId");

-- CreateIndex
CREATE INDEX "CaseForward_caseId_idx" ON "CaseForward"("caseId");

-- AddForeignKey
ALTER TABLE "Filing" ADD CONSTRAINT "Filing_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilingFile" ADD CONSTRAINT "FilingFile_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "Filing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseForward" ADD CONSTRAINT "CaseForward_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseForward" ADD CONSTRAINT "CaseForward_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One live report per case and body: a second filing is possible only after the first was retracted.
CREATE UNIQUE INDEX "Filing_one_live_per_case" ON "Filing"("caseId", "to") WHERE "state" <> 'retracted';

-- One live forward per case and origin: a failed or discarded one can be replaced.
CREATE UNIQUE INDEX "CaseForward_one_live_per_origin" ON "CaseForward"("caseId", "domain") WHERE "state" IN ('queued', 'sent', 'prepared', 'marked_sent');
