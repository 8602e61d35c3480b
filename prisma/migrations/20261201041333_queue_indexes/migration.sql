-- DropIndex
DROP INDEX "Dossier_filedAt_idx";

-- CreateIndex
CREATE INDEX "Dossier_filedAt_id_status_idx" ON "Dossier"("filedAt", "id", "status");

-- CreateIndex
CREATE INDEX "Dossier_callId_status_requestedAmountCents_proposedAmountCe_idx" ON "Dossier"("callId", "status", "requestedAmountCents", "proposedAmountCents", "grantedAmountCents");

-- CreateIndex
CREATE INDEX "Dossier_territoryId_status_idx" ON "Dossier"("territoryId", "status");
