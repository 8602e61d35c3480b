-- CreateIndex
CREATE INDEX "AgreementAcceptance_side_acceptedAt_idx" ON "AgreementAcceptance"("side", "acceptedAt");
