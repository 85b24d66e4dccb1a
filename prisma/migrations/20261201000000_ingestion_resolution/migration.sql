-- CreateEnum
CREATE TYPE "EventRelationType" AS ENUM ('ESCALATED_INTO', 'LED_TO', 'FOLLOWED_BY', 'RESPONSE_TO');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('PERSON', 'ORGANIZATION', 'COUNTRY', 'EVENT');

-- CreateEnum
CREATE TYPE "ResolutionRule" AS ENUM ('CREATED', 'HINT_NEW', 'HINT_ID', 'HINT_KEY', 'KEY', 'NAME', 'TRANSLITERATION', 'SURNAME_AND_ROLE', 'ACRONYM', 'NAME_WORDS', 'COUNTRY_NAME', 'COUNTRY_DEMONYM', 'EVENT_MATCH');

-- DropForeignKey
ALTER TABLE "Event" DROP CONSTRAINT "Event_articleId_fkey";

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "annotation" JSONB,
ADD COLUMN     "ingestedBy" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT,
ADD COLUMN     "synthetic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "nameKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "nameKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable (written by hand: existing participants belong to their event's article)
ALTER TABLE "EventParticipant" ADD COLUMN     "articleId" INTEGER;
UPDATE "EventParticipant" p SET "articleId" = e."articleId" FROM "Event" e WHERE e.id = p."eventId";
ALTER TABLE "EventParticipant" ALTER COLUMN "articleId" SET NOT NULL;

-- CreateTable
CREATE TABLE "EventReport" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "localKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "startDate" DATE,
    "startPrecision" "DatePrecision",
    "startBasis" TEXT,
    "endDate" DATE,
    "endPrecision" "DatePrecision",
    "endBasis" TEXT,
    "countryCode" CHAR(2),
    "location" TEXT,
    "parentId" INTEGER,
    "evidenceStart" INTEGER NOT NULL,
    "evidenceEnd" INTEGER NOT NULL,
    "evidenceText" TEXT NOT NULL,

    CONSTRAINT "EventReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRelation" (
    "id" SERIAL NOT NULL,
    "type" "EventRelationType" NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "evidenceStart" INTEGER NOT NULL,
    "evidenceEnd" INTEGER NOT NULL,
    "evidenceText" TEXT NOT NULL,

    CONSTRAINT "EventRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resolution" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "localKey" TEXT NOT NULL,
    "description" JSONB NOT NULL,
    "rule" "ResolutionRule" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "personId" INTEGER,
    "organizationId" INTEGER,
    "countryCode" CHAR(2),
    "eventId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Resolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeKey" (
    "kind" "EntityKind" NOT NULL,
    "key" TEXT NOT NULL,
    "personId" INTEGER,
    "organizationId" INTEGER,
    "eventId" INTEGER,
    "origin" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NodeKey_pkey" PRIMARY KEY ("kind","key")
);

-- CreateIndex
CREATE INDEX "EventReport_articleId_idx" ON "EventReport"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "EventReport_eventId_articleId_key" ON "EventReport"("eventId", "articleId");

-- CreateIndex
CREATE INDEX "EventRelation_fromId_id_idx" ON "EventRelation"("fromId", "id");

-- CreateIndex
CREATE INDEX "EventRelation_toId_id_idx" ON "EventRelation"("toId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EventRelation_articleId_type_fromId_toId_key" ON "EventRelation"("articleId", "type", "fromId", "toId");

-- CreateIndex
CREATE INDEX "Resolution_personId_idx" ON "Resolution"("personId");

-- CreateIndex
CREATE INDEX "Resolution_organizationId_idx" ON "Resolution"("organizationId");

-- CreateIndex
CREATE INDEX "Resolution_countryCode_idx" ON "Resolution"("countryCode");

-- CreateIndex
CREATE INDEX "Resolution_eventId_idx" ON "Resolution"("eventId");

-- CreateIndex
CREATE INDEX "Resolution_rule_idx" ON "Resolution"("rule");

-- CreateIndex
CREATE UNIQUE INDEX "Resolution_articleId_kind_localKey_key" ON "Resolution"("articleId", "kind", "localKey");

-- CreateIndex
CREATE INDEX "NodeKey_personId_idx" ON "NodeKey"("personId");

-- CreateIndex
CREATE INDEX "NodeKey_organizationId_idx" ON "NodeKey"("organizationId");

-- CreateIndex
CREATE INDEX "NodeKey_eventId_idx" ON "NodeKey"("eventId");

-- CreateIndex
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- CreateIndex
CREATE INDEX "Person_nameKeys_idx" ON "Person" USING GIN ("nameKeys");

-- CreateIndex
CREATE INDEX "Organization_nameKeys_idx" ON "Organization" USING GIN ("nameKeys");

-- CreateIndex
CREATE INDEX "EventParticipant_articleId_idx" ON "EventParticipant"("articleId");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventReport" ADD CONSTRAINT "EventReport_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventReport" ADD CONSTRAINT "EventReport_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventReport" ADD CONSTRAINT "EventReport_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeKey" ADD CONSTRAINT "NodeKey_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeKey" ADD CONSTRAINT "NodeKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeKey" ADD CONSTRAINT "NodeKey_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ---------------------------------------------------------------------------------------
-- Written by hand: what the Prisma schema language cannot express, and the backfill of
-- what existing databases already hold.
-- ---------------------------------------------------------------------------------------

ALTER TABLE "Resolution" ADD CONSTRAINT "Resolution_one_target" CHECK (
  num_nonnulls("personId", "organizationId", "countryCode", "eventId") = 1);
ALTER TABLE "NodeKey" ADD CONSTRAINT "NodeKey_one_target" CHECK (
  num_nonnulls("personId", "organizationId", "eventId") = 1);
ALTER TABLE "EventReport" ADD CONSTRAINT "EventReport_span" CHECK (
  "evidenceStart" >= 0 AND "evidenceEnd" > "evidenceStart");
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_span" CHECK (
  "evidenceStart" >= 0 AND "evidenceEnd" > "evidenceStart");
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_not_self" CHECK ("fromId" <> "toId");

-- Every existing event was reported by exactly one article: its own.
INSERT INTO "EventReport" ("eventId", "articleId", "localKey", "title", "kind", "startDate", "startPrecision",
    "startBasis", "endDate", "endPrecision", "endBasis", "countryCode", "location", "parentId",
    "evidenceStart", "evidenceEnd", "evidenceText")
  SELECT id, "articleId", key, title, kind, "startDate", "startPrecision", "startBasis", "endDate", "endPrecision",
    "endBasis", "countryCode", location, "parentId", "evidenceStart", "evidenceEnd", "evidenceText"
  FROM "Event";

-- Which articles support which nodes: until now an article's entities were its own keys.
INSERT INTO "Resolution" ("articleId", kind, "localKey", description, rule, score, reason, "eventId")
  SELECT "articleId", 'EVENT', key, '{}'::jsonb, 'CREATED', 1, 'recorded by migration 20261201000000', id FROM "Event";
INSERT INTO "Resolution" ("articleId", kind, "localKey", description, rule, score, reason, "personId")
  SELECT DISTINCT ON (x."articleId", x.id) x."articleId", 'PERSON', p.key, '{}'::jsonb, 'KEY', 1,
    'recorded by migration 20261201000000', p.id
  FROM (SELECT "articleId", "personId" AS id FROM "Mention" WHERE "personId" IS NOT NULL
        UNION SELECT "articleId", "personId" FROM "Role"
        UNION SELECT "articleId", "speakerPersonId" FROM "Statement" WHERE "speakerPersonId" IS NOT NULL
        UNION SELECT "articleId", "personId" FROM "EventParticipant" WHERE "personId" IS NOT NULL) x
  JOIN "Person" p ON p.id = x.id;
INSERT INTO "Resolution" ("articleId", kind, "localKey", description, rule, score, reason, "organizationId")
  SELECT DISTINCT ON (x."articleId", x.id) x."articleId", 'ORGANIZATION', o.key, '{}'::jsonb, 'KEY', 1,
    'recorded by migration 20261201000000', o.id
  FROM (SELECT "articleId", "organizationId" AS id FROM "Mention" WHERE "organizationId" IS NOT NULL
        UNION SELECT id, "sourceId" FROM "Article"
        UNION SELECT "articleId", "organizationId" FROM "Role" WHERE "organizationId" IS NOT NULL
        UNION SELECT "articleId", "speakerOrganizationId" FROM "Statement" WHERE "speakerOrganizationId" IS NOT NULL
        UNION SELECT "articleId", "organizationId" FROM "EventParticipant" WHERE "organizationId" IS NOT NULL) x
  JOIN "Organization" o ON o.id = x.id;
INSERT INTO "Resolution" ("articleId", kind, "localKey", description, rule, score, reason, "countryCode")
  SELECT DISTINCT x."articleId", 'COUNTRY'::"EntityKind", x.code, '{}'::jsonb, 'COUNTRY_NAME'::"ResolutionRule", 1,
    'recorded by migration 20261201000000', x.code
  FROM (SELECT "articleId", "countryCode" AS code FROM "Mention" WHERE "countryCode" IS NOT NULL
        UNION SELECT s."articleId", sa."A" FROM "_StatementAbout" sa JOIN "Statement" s ON s.id = sa."B") x;
