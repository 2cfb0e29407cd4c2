-- Ledger entries lose their last per-row foreign key (to Cluster): its check was a fifth of an
-- API batch's time in the database. Inserts stay checked: each entry's rollup row, written in the
-- same statement, has keys to Cluster and EarningsNetwork. Deleting a cluster still deletes its
-- entries, through this statement-level trigger instead of the key's ON DELETE CASCADE (the
-- rollups cascade by their own keys). A trigger is invisible to Prisma's schema: keep it here.

-- DropForeignKey
ALTER TABLE "RevenueEntry" DROP CONSTRAINT "RevenueEntry_clusterId_fkey";

-- Prisma's migration runner (adapter-pg 6.19) splits a script at every semicolon, dollar quotes
-- or not, so the body's semicolons are written as \073 in an escape string.
CREATE FUNCTION "earnings_delete_cluster_entries"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN DELETE FROM "RevenueEntry" e USING deleted_clusters d WHERE e."clusterId" = d."id"\073 RETURN NULL\073 END';

CREATE TRIGGER "Cluster_delete_revenue_entries"
  AFTER DELETE ON "Cluster"
  REFERENCING OLD TABLE AS deleted_clusters
  FOR EACH STATEMENT EXECUTE FUNCTION "earnings_delete_cluster_entries"();
