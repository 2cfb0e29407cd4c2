-- CreateTable
CREATE TABLE "TokenPriceRevision" (
    "id" BIGSERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "usd" DECIMAL(24,10) NOT NULL,
    "replacedBy" DECIMAL(24,10) NOT NULL,
    "setAt" TIMESTAMPTZ(3) NOT NULL,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TokenPriceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectricityCostRevision" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "amount" DECIMAL(14,4) NOT NULL,
    "kwh" DECIMAL(14,3),
    "note" TEXT,
    "setAt" TIMESTAMPTZ(3) NOT NULL,
    "replacedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectricityCostRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TokenPriceRevision_symbol_day_idx" ON "TokenPriceRevision"("symbol", "day");

-- CreateIndex
CREATE INDEX "ElectricityCostRevision_clusterId_day_idx" ON "ElectricityCostRevision"("clusterId", "day");


-- A price or electricity cost that is overwritten leaves its previous value in the revision
-- table, whatever wrote it (CSV upload, API batch, manual entry): a BEFORE UPDATE trigger copies
-- OLD there and stamps NEW."createdAt" as the time the new value was set. Triggers are invisible
-- to Prisma's schema, so they are kept here, and as in the earlier trigger migrations the bodies'
-- semicolons are written as \073 for Prisma's statement splitter.
CREATE FUNCTION "token_price_keep_previous"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "TokenPriceRevision" ("symbol", "day", "usd", "replacedBy", "setAt") VALUES (OLD."symbol", OLD."day", OLD."usd", NEW."usd", OLD."createdAt")\073 NEW."createdAt" := now()\073 RETURN NEW\073 END';

CREATE TRIGGER "TokenPrice_keep_previous"
  BEFORE UPDATE ON "TokenPrice"
  FOR EACH ROW WHEN (OLD."usd" IS DISTINCT FROM NEW."usd")
  EXECUTE FUNCTION "token_price_keep_previous"();

CREATE FUNCTION "electricity_cost_keep_previous"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "ElectricityCostRevision" ("clusterId", "day", "amount", "kwh", "note", "setAt") VALUES (OLD."clusterId", OLD."day", OLD."amount", OLD."kwh", OLD."note", OLD."createdAt")\073 NEW."createdAt" := now()\073 RETURN NEW\073 END';

CREATE TRIGGER "ElectricityCost_keep_previous"
  BEFORE UPDATE ON "ElectricityCost"
  FOR EACH ROW WHEN ((OLD."amount", OLD."kwh", OLD."note") IS DISTINCT FROM (NEW."amount", NEW."kwh", NEW."note"))
  EXECUTE FUNCTION "electricity_cost_keep_previous"();

-- The price history is append-only, like the audit trail (audit_refuse_change, migration
-- audit_append_only). Cost revisions are never updated, and go only with their cluster's purge.
CREATE TRIGGER "TokenPriceRevision_append_only"
  BEFORE UPDATE OR DELETE ON "TokenPriceRevision"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "TokenPriceRevision_no_truncate"
  BEFORE TRUNCATE ON "TokenPriceRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "ElectricityCostRevision_no_update"
  BEFORE UPDATE ON "ElectricityCostRevision"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
