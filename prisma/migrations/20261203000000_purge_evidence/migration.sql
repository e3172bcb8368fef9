-- CreateEnum
CREATE TYPE "PurgeStepState" AS ENUM ('waiting', 'needs_admin', 'queued', 'done', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "ReceiptVerdict" AS ENUM ('removed', 'still_served', 'cannot_verify', 'accepted');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "caseId" UUID,
ADD COLUMN     "purgeStepId" UUID;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "removedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sealedAt" TIMESTAMP(3),
ADD COLUMN     "stillServedCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CaseCopy" ADD COLUMN     "receiptAt" TIMESTAMP(3),
ADD COLUMN     "receiptVerdict" "ReceiptVerdict";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "evidenceAccess" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealedById" UUID,
    "sealedByLabel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "manifestSha256" TEXT NOT NULL,
    "copyIds" UUID[],
    "itemCount" INTEGER NOT NULL,
    "totalBytes" BIGINT NOT NULL,
    "retainUntil" TIMESTAMP(3) NOT NULL,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "holdReason" TEXT,
    "destroyedAt" TIMESTAMP(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeRun" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'running',
    "plan" JSONB NOT NULL,
    "evidenceId" UUID,
    "requestedById" UUID,
    "requestedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "PurgeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeStep" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "copyIds" UUID[],
    "needsAdmin" BOOLEAN NOT NULL DEFAULT false,
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "state" "PurgeStepState" NOT NULL DEFAULT 'waiting',
    "actionId" UUID,
    "detail" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurgeStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeCheck" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "dueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PurgeCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeReceipt" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "copyId" UUID,
    "instanceId" UUID NOT NULL,
    "runId" UUID,
    "checkId" UUID,
    "verdict" "ReceiptVerdict" NOT NULL,
    "reason" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "servedSha256" TEXT,
    "checks" JSONB NOT NULL DEFAULT '[]',
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" UUID,
    "byLabel" TEXT NOT NULL,

    CONSTRAINT "PurgeReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_retainUntil_idx" ON "Evidence"("retainUntil");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_caseId_version_key" ON "Evidence"("caseId", "version");

-- CreateIndex
CREATE INDEX "PurgeRun_caseId_createdAt_idx" ON "PurgeRun"("caseId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PurgeRun_state_idx" ON "PurgeRun"("state");

-- CreateIndex
CREATE UNIQUE INDEX "PurgeStep_actionId_key" ON "PurgeStep"("actionId");

-- CreateIndex
CREATE INDEX "PurgeStep_state_idx" ON "PurgeStep"("state");

-- CreateIndex
CREATE UNIQUE INDEX "PurgeStep_runId_instanceId_position_key" ON "PurgeStep"("runId", "instanceId", "position");

-- CreateIndex
CREATE INDEX "PurgeCheck_status_dueAt_idx" ON "PurgeCheck"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "PurgeCheck_runId_instanceId_round_key" ON "PurgeCheck"("runId", "instanceId", "round");

-- CreateIndex
CREATE INDEX "PurgeReceipt_caseId_checkedAt_idx" ON "PurgeReceipt"("caseId", "checkedAt");

-- CreateIndex
CREATE INDEX "PurgeReceipt_copyId_checkedAt_idx" ON "PurgeReceipt"("copyId", "checkedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PurgeReceipt_checkId_copyId_key" ON "PurgeReceipt"("checkId", "copyId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_purgeStepId_key" ON "Action"("purgeStepId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeRun" ADD CONSTRAINT "PurgeRun_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeStep" ADD CONSTRAINT "PurgeStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PurgeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeCheck" ADD CONSTRAINT "PurgeCheck_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PurgeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeReceipt" ADD CONSTRAINT "PurgeReceipt_copyId_fkey" FOREIGN KEY ("copyId") REFERENCES "CaseCopy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: receipts are immutable (a re-check adds one). Row triggers for UPDATE/DELETE, a statement
-- trigger for TRUNCATE (which skips row triggers); the functions are the audit log's own.
CREATE FUNCTION purge_receipt_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'PurgeReceipt is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER purge_receipt_no_update BEFORE UPDATE OR DELETE ON "PurgeReceipt"
  FOR EACH ROW EXECUTE FUNCTION purge_receipt_append_only();

CREATE TRIGGER purge_receipt_no_truncate BEFORE TRUNCATE ON "PurgeReceipt"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();

-- What was sealed never changes: retention, hold and destruction may, the manifest and what it covers may not.
CREATE FUNCTION evidence_manifest_frozen() RETURNS trigger AS $$
BEGIN
  IF NEW."manifest" IS DISTINCT FROM OLD."manifest" OR NEW."manifestSha256" IS DISTINCT FROM OLD."manifestSha256"
     OR NEW."copyIds" IS DISTINCT FROM OLD."copyIds" OR NEW."caseId" IS DISTINCT FROM OLD."caseId"
     OR NEW."version" IS DISTINCT FROM OLD."version" OR NEW."sealedAt" IS DISTINCT FROM OLD."sealedAt" THEN
    RAISE EXCEPTION 'Evidence manifests are sealed: they cannot be changed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evidence_manifest_no_update BEFORE UPDATE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION evidence_manifest_frozen();
