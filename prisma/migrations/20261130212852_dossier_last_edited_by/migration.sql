-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "lastEditedAt" TIMESTAMP(3),
ADD COLUMN     "lastEditedById" TEXT;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
