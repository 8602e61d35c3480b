-- AlterTable
ALTER TABLE "CorrectionRequest" ADD COLUMN     "answerNote" TEXT;
