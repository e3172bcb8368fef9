-- Stop harm before review (issue 14): the holding cell (rules and holds), watch lists, outside hash matchers and
-- notification webhooks; queue item kinds, report weighting and account ages.

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('report', 'watch');

-- CreateEnum
CREATE TYPE "HoldState" AS ENUM ('would_hold', 'holding', 'held', 'not_hidden', 'confirmed', 'undoing', 'undone');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "remoteCreatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "kind" "ReportKind" NOT NULL DEFAULT 'report',
ADD COLUMN     "watchTerms" JSONB,
ADD COLUMN     "reportScore" DOUBLE PRECISION,
ADD COLUMN     "brigade" JSONB,
ADD COLUMN     "holdPendingAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HoldRule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'dry_run',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "minSeverity" INTEGER NOT NULL DEFAULT 4,
    "labels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minScore" DOUBLE PRECISION NOT NULL DEFAULT 3,
    "level" TEXT NOT NULL DEFAULT 'sensitive',
    "allowSuspend" BOOLEAN NOT NULL DEFAULT false,
    "reviewMinutes" INTEGER NOT NULL DEFAULT 60,
    "instanceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HoldRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hold" (
    "id" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "state" "HoldState" NOT NULL,
    "signal" JSONB NOT NULL,
    "step" JSONB,
    "reason" TEXT,
    "hideActionId" UUID,
    "undoActionId" UUID,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "overdueNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchTerm" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "instanceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdById" UUID,
    "lastHitAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WatchTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchHit" (
    "id" UUID NOT NULL,
    "termId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "statusId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchCursor" (
    "instanceId" UUID NOT NULL,
    "feed" TEXT NOT NULL,
    "cursor" TEXT,
    "lastScanAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "WatchCursor_pkey" PRIMARY KEY ("instanceId","feed")
);

-- CreateTable
CREATE TABLE "OutsideMatcher" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "keySealed" TEXT,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "instanceIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "signalTypes" TEXT[] DEFAULT ARRAY['pdq', 'md5']::TEXT[],
    "severity" INTEGER NOT NULL DEFAULT 5,
    "label" TEXT NOT NULL DEFAULT 'csam',
    "timeoutMs" INTEGER NOT NULL DEFAULT 3000,
    "perMinute" INTEGER NOT NULL DEFAULT 60,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "openUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "lastOkAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutsideMatcher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutsideCheck" (
    "mediaId" UUID NOT NULL,
    "matcherId" UUID NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutsideCheck_pkey" PRIMARY KEY ("mediaId","matcherId")
);

-- CreateTable
CREATE TABLE "OutsideMatch" (
    "id" UUID NOT NULL,
    "mediaId" UUID NOT NULL,
    "matcherId" UUID NOT NULL,
    "signalType" "SignalType" NOT NULL,
    "bank" TEXT NOT NULL,
    "matchLabel" TEXT,
    "distance" INTEGER NOT NULL DEFAULT 0,
    "severity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutsideMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifyHook" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "room" TEXT,
    "secretSealed" TEXT NOT NULL,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "events" TEXT[] DEFAULT ARRAY['hold.placed', 'hold.overdue']::TEXT[],
    "lastStatus" TEXT,
    "lastError" TEXT,
    "lastSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotifyHook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifyDelivery" (
    "id" UUID NOT NULL,
    "hookId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "leaseToken" TEXT,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotifyDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_holdPendingAt_idx" ON "Report"("holdPendingAt");

-- CreateIndex
CREATE UNIQUE INDEX "HoldRule_name_key" ON "HoldRule"("name");

-- CreateIndex
CREATE INDEX "Hold_reportId_idx" ON "Hold"("reportId");

-- CreateIndex
CREATE INDEX "Hold_state_dueAt_idx" ON "Hold"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Hold_hideActionId_idx" ON "Hold"("hideActionId");

-- CreateIndex
CREATE INDEX "Hold_undoActionId_idx" ON "Hold"("undoActionId");

-- CreateIndex
CREATE UNIQUE INDEX "Hold_ruleId_subjectKey_key" ON "Hold"("ruleId", "subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "WatchTerm_kind_value_key" ON "WatchTerm"("kind", "value");

-- CreateIndex
CREATE INDEX "WatchHit_reportId_idx" ON "WatchHit"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "WatchHit_termId_statusId_key" ON "WatchHit"("termId", "statusId");

-- CreateIndex
CREATE UNIQUE INDEX "OutsideMatcher_name_key" ON "OutsideMatcher"("name");

-- CreateIndex
CREATE INDEX "OutsideCheck_state_nextAttemptAt_idx" ON "OutsideCheck"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutsideMatch_matcherId_idx" ON "OutsideMatch"("matcherId");

-- CreateIndex
CREATE UNIQUE INDEX "OutsideMatch_mediaId_matcherId_signalType_bank_key" ON "OutsideMatch"("mediaId", "matcherId", "signalType", "bank");

-- CreateIndex
CREATE UNIQUE INDEX "NotifyHook_name_key" ON "NotifyHook"("name");

-- CreateIndex
CREATE INDEX "NotifyDelivery_state_nextAttemptAt_idx" ON "NotifyDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotifyDelivery_hookId_createdAt_idx" ON "NotifyDelivery"("hookId", "createdAt");

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "HoldRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hold" ADD CONSTRAINT "Hold_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchHit" ADD CONSTRAINT "WatchHit_termId_fkey" FOREIGN KEY ("termId") REFERENCES "WatchTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchHit" ADD CONSTRAINT "WatchHit_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "Status"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchHit" ADD CONSTRAINT "WatchHit_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideCheck" ADD CONSTRAINT "OutsideCheck_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideCheck" ADD CONSTRAINT "OutsideCheck_matcherId_fkey" FOREIGN KEY ("matcherId") REFERENCES "OutsideMatcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideMatch" ADD CONSTRAINT "OutsideMatch_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutsideMatch" ADD CONSTRAINT "OutsideMatch_matcherId_fkey" FOREIGN KEY ("matcherId") REFERENCES "OutsideMatcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotifyDelivery" ADD CONSTRAINT "NotifyDelivery_hookId_fkey" FOREIGN KEY ("hookId") REFERENCES "NotifyHook"("id") ON DELETE CASCADE ON UPDATE CASCADE;
