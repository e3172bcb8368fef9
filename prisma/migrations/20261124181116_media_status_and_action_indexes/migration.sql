-- CreateIndex
CREATE INDEX "Action_requestedById_kind_idx" ON "Action"("requestedById", "kind");

-- CreateIndex
CREATE INDEX "Media_statusId_idx" ON "Media"("statusId");
