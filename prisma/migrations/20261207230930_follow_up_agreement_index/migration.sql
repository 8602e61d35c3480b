-- CreateIndex
CREATE INDEX "Dossier_status_agreementAcceptedAt_id_idx" ON "Dossier"("status", "agreementAcceptedAt", "id");
