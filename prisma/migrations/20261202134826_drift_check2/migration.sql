-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'cancelled';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "theme" TEXT NOT NULL DEFAULT 'system';

-- CreateTable
CREATE TABLE "TeamNote" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "authorId" UUID,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteMention" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "noteKind" TEXT NOT NULL,
    "noteId" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "authorLabel" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "NoteMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "assigneeId" UUID,
    "reason" TEXT NOT NULL,
    "raisedById" UUID,
    "raisedByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "resolvedByLabel" TEXT,
    "resolution" TEXT,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectTag" (
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubjectTag_pkey" PRIMARY KEY ("subjectType","subjectKey","tag")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SoftClaim" (
    "subjectType" TEXT NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "userLabel" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SoftClaim_pkey" PRIMARY KEY ("subjectType","subjectKey")
);

-- CreateIndex
CREATE INDEX "TeamNote_subjectType_subjectKey_createdAt_idx" ON "TeamNote"("subjectType", "subjectKey", "createdAt");

-- CreateIndex
CREATE INDEX "NoteMention_userId_seenAt_createdAt_idx" ON "NoteMention"("userId", "seenAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NoteMention_noteKind_noteId_userId_key" ON "NoteMention"("noteKind", "noteId", "userId");

-- CreateIndex
CREATE INDEX "Escalation_subjectType_subjectKey_idx" ON "Escalation"("subjectType", "subjectKey");

-- CreateIndex
CREATE INDEX "Escalation_resolvedAt_createdAt_idx" ON "Escalation"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "SubjectTag_tag_subjectType_idx" ON "SubjectTag"("tag", "subjectType");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_userId_name_key" ON "SavedFilter"("userId", "name");

-- CreateIndex
CREATE INDEX "SoftClaim_expiresAt_idx" ON "SoftClaim"("expiresAt");

-- AddForeignKey
ALTER TABLE "NoteMention" ADD CONSTRAINT "NoteMention_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SoftClaim" ADD CONSTRAINT "SoftClaim_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
