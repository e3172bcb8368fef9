-- Blocklists (issue 13): subscribed sources, their entries and fetch history, the team's allowlist, each
-- instance's domain blocks as read from the server with their provenance, and the applications that changed them.

-- CreateEnum
CREATE TYPE "BlockOrigin" AS ENUM ('list', 'hand');

-- CreateEnum
CREATE TYPE "BlocklistChangeState" AS ENUM ('queued', 'done', 'failed');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "federationAccess" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Instance" ADD COLUMN     "domainBlocksSyncedAt" TIMESTAMP(3),
ADD COLUMN     "domainBlocksError" TEXT;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "blocklistApplicationId" UUID;

-- CreateTable
CREATE TABLE "BlocklistSource" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "format" TEXT NOT NULL DEFAULT 'auto',
    "trusted" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "refreshMinutes" INTEGER NOT NULL DEFAULT 60,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" TIMESTAMP(3),
    "lastOkAt" TIMESTAMP(3),
    "lastError" TEXT,
    "nextFetchAt" TIMESTAMP(3),
    "fetchLeaseUntil" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BlocklistSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlocklistEntry" (
    "sourceId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "rejectMedia" BOOLEAN NOT NULL DEFAULT false,
    "rejectReports" BOOLEAN NOT NULL DEFAULT false,
    "publicComment" TEXT,
    "obfuscatedAs" TEXT,
    "wildcard" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "BlocklistEntry_pkey" PRIMARY KEY ("sourceId","domain")
);

-- CreateTable
CREATE TABLE "BlocklistFetch" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "notModified" BOOLEAN NOT NULL DEFAULT false,
    "format" TEXT,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "badLineCount" INTEGER NOT NULL DEFAULT 0,
    "badLines" JSONB NOT NULL DEFAULT '[]',
    "unresolved" JSONB NOT NULL DEFAULT '[]',
    "addedCount" INTEGER NOT NULL DEFAULT 0,
    "removedCount" INTEGER NOT NULL DEFAULT 0,
    "changedCount" INTEGER NOT NULL DEFAULT 0,
    "added" JSONB NOT NULL DEFAULT '[]',
    "removed" JSONB NOT NULL DEFAULT '[]',
    "changed" JSONB NOT NULL DEFAULT '[]',
    "contentSha256" TEXT,

    CONSTRAINT "BlocklistFetch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlocklistAllow" (
    "domain" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlocklistAllow_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "InstanceDomainBlock" (
    "instanceId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "remoteId" TEXT,
    "severity" TEXT NOT NULL,
    "rejectMedia" BOOLEAN NOT NULL DEFAULT false,
    "rejectReports" BOOLEAN NOT NULL DEFAULT false,
    "publicComment" TEXT,
    "obfuscate" BOOLEAN NOT NULL DEFAULT false,
    "origin" "BlockOrigin" NOT NULL DEFAULT 'hand',
    "sourceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "applicationId" UUID,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceDomainBlock_pkey" PRIMARY KEY ("instanceId","domain")
);

-- CreateTable
CREATE TABLE "BlocklistApplication" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'apply',
    "requestedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoOfId" UUID,
    "undoneAt" TIMESTAMP(3),
    "summary" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "BlocklistApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlocklistChange" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "sourceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state" "BlocklistChangeState" NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "actionId" UUID,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "BlocklistChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BlocklistEntry_domain_idx" ON "BlocklistEntry"("domain");

-- CreateIndex
CREATE INDEX "BlocklistFetch_sourceId_at_idx" ON "BlocklistFetch"("sourceId", "at" DESC);

-- CreateIndex
CREATE INDEX "InstanceDomainBlock_domain_idx" ON "InstanceDomainBlock"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "BlocklistApplication_undoOfId_key" ON "BlocklistApplication"("undoOfId");

-- CreateIndex
CREATE INDEX "BlocklistChange_applicationId_idx" ON "BlocklistChange"("applicationId");

-- CreateIndex
CREATE INDEX "BlocklistChange_actionId_idx" ON "BlocklistChange"("actionId");

-- CreateIndex
CREATE INDEX "BlocklistChange_instanceId_domain_idx" ON "BlocklistChange"("instanceId", "domain");

-- AddForeignKey
ALTER TABLE "BlocklistEntry" ADD CONSTRAINT "BlocklistEntry_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "BlocklistSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlocklistFetch" ADD CONSTRAINT "BlocklistFetch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "BlocklistSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstanceDomainBlock" ADD CONSTRAINT "InstanceDomainBlock_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlocklistChange" ADD CONSTRAINT "BlocklistChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "BlocklistApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlocklistChange" ADD CONSTRAINT "BlocklistChange_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;
