-- AlterTable: rows written so far were hashed without a key (version 1); new rows carry an HMAC (version 2).
ALTER TABLE "AuditEvent" ADD COLUMN     "chainVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "count" BIGINT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "mac" TEXT,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "count" BIGINT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "mac" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_at_idx" ON "AuditCheckpoint"("at" DESC);

-- The head starts at the log's current end, unsigned: the audit key lives outside the database, so only the
-- app's first keyed append can sign it.
INSERT INTO "AuditHead" ("id", "count", "lastSeq", "lastHash", "updatedAt", "mac")
SELECT 1, count(*), coalesce(max("seq"), 0),
       coalesce((SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1), repeat('0', 64)),
       CURRENT_TIMESTAMP, NULL
  FROM "AuditEvent";

-- TRUNCATE skips row triggers, so the append-only rule needs a statement-level trigger as well.
CREATE FUNCTION audit_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();

CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON "AuditHead"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();

CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_truncate();

-- Checkpoints are append-only; the head may only move (UPDATE), never disappear.
CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditCheckpoint is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();

CREATE FUNCTION audit_head_no_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditHead cannot be deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON "AuditHead"
  FOR EACH ROW EXECUTE FUNCTION audit_head_no_delete();
