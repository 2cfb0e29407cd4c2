-- CreateIndex
CREATE INDEX "EarningsImport_kind_startedAt_idx" ON "EarningsImport"("kind", "startedAt");

