-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Edit" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "articleId" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "previousDocument" JSONB,
    "version" INTEGER NOT NULL,
    "revertsId" INTEGER,

    CONSTRAINT "Edit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Edit_revertsId_key" ON "Edit"("revertsId");

-- CreateIndex
CREATE INDEX "Edit_targetType_targetKey_id_idx" ON "Edit"("targetType", "targetKey", "id");

-- CreateIndex
CREATE INDEX "Edit_articleId_id_idx" ON "Edit"("articleId", "id");

-- AddForeignKey
ALTER TABLE "Edit" ADD CONSTRAINT "Edit_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Edit" ADD CONSTRAINT "Edit_revertsId_fkey" FOREIGN KEY ("revertsId") REFERENCES "Edit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

