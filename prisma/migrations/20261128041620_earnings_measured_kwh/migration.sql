-- AlterTable
ALTER TABLE "ElectricityCost" ADD COLUMN     "kwh" DECIMAL(14,3);

