-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "StatementKind" AS ENUM ('QUOTE', 'PARAPHRASE');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('NEWS_AGENCY', 'INTERGOVERNMENTAL_ORGANIZATION', 'INTERGOVERNMENTAL_BODY', 'GOVERNMENT', 'GOVERNMENT_BODY', 'ARMED_FORCES', 'NON_STATE_GROUP', 'OTHER');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('CRISIS', 'PROTEST', 'RIOT', 'VIOLENCE', 'MEETING', 'REQUEST_FOR_ASSISTANCE', 'DEPLOYMENT', 'RESTORATION_OF_ORDER', 'MOURNING', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('PARTICIPANT', 'ORGANIZER', 'SPEAKER', 'REQUESTER', 'RECIPIENT', 'DEPLOYED_FORCE', 'AUTHORITY', 'AFFECTED');

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "body" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "dateline" TEXT,
    "sourceId" INTEGER NOT NULL,
    "publishedOn" DATE NOT NULL,
    "publishedOnPrecision" "DatePrecision" NOT NULL,
    "publishedOnBasis" TEXT NOT NULL,
    "url" TEXT,
    "contentHash" TEXT NOT NULL,
    "annotationHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "alpha3" CHAR(3) NOT NULL,
    "numeric" CHAR(3),
    "name" TEXT NOT NULL,
    "officialName" TEXT NOT NULL,
    "demonyms" TEXT[],
    "aliases" TEXT[],
    "region" TEXT,
    "subregion" TEXT,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "countryCode" CHAR(2),
    "organizationId" INTEGER,
    "articleId" INTEGER NOT NULL,
    "evidenceStart" INTEGER NOT NULL,
    "evidenceEnd" INTEGER NOT NULL,
    "evidenceText" TEXT NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "aliases" TEXT[],
    "kind" "OrganizationKind" NOT NULL,
    "parentId" INTEGER,
    "countryCode" CHAR(2),
    "leadCountryCode" CHAR(2),
    "leadCountryArticleId" INTEGER,
    "leadCountryEvidenceStart" INTEGER,
    "leadCountryEvidenceEnd" INTEGER,
    "leadCountryEvidenceText" TEXT,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "StatementKind" NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "attributionStart" INTEGER,
    "attributionEnd" INTEGER,
    "attributionText" TEXT,
    "speakerPersonId" INTEGER,
    "speakerOrganizationId" INTEGER,
    "saidOn" DATE,
    "saidOnPrecision" "DatePrecision",
    "saidOnBasis" TEXT,
    "occasionId" INTEGER,
    "note" TEXT,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
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

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL,
    "personId" INTEGER,
    "organizationId" INTEGER,
    "countryCode" CHAR(2),

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "personId" INTEGER,
    "organizationId" INTEGER,
    "countryCode" CHAR(2),
    "eventId" INTEGER,
    "statementId" INTEGER,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_StatementAbout" (
    "A" CHAR(2) NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_StatementAbout_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_key_key" ON "Article"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_publishedOn_idx" ON "Article"("publishedOn");

-- CreateIndex
CREATE INDEX "Article_sourceId_idx" ON "Article"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Country_alpha3_key" ON "Country"("alpha3");

-- CreateIndex
CREATE INDEX "Country_name_idx" ON "Country"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_key_key" ON "Person"("key");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Role_personId_idx" ON "Role"("personId");

-- CreateIndex
CREATE INDEX "Role_countryCode_idx" ON "Role"("countryCode");

-- CreateIndex
CREATE INDEX "Role_organizationId_idx" ON "Role"("organizationId");

-- CreateIndex
CREATE INDEX "Role_articleId_idx" ON "Role"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_key_key" ON "Organization"("key");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_leadCountryCode_idx" ON "Organization"("leadCountryCode");

-- CreateIndex
CREATE INDEX "Organization_countryCode_idx" ON "Organization"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_key_key" ON "Statement"("key");

-- CreateIndex
CREATE INDEX "Statement_articleId_idx" ON "Statement"("articleId");

-- CreateIndex
CREATE INDEX "Statement_speakerPersonId_saidOn_idx" ON "Statement"("speakerPersonId", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_speakerOrganizationId_saidOn_idx" ON "Statement"("speakerOrganizationId", "saidOn");

-- CreateIndex
CREATE INDEX "Statement_occasionId_idx" ON "Statement"("occasionId");

-- CreateIndex
CREATE INDEX "Statement_saidOn_idx" ON "Statement"("saidOn");

-- CreateIndex
CREATE INDEX "Statement_kind_idx" ON "Statement"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Event_key_key" ON "Event"("key");

-- CreateIndex
CREATE INDEX "Event_articleId_idx" ON "Event"("articleId");

-- CreateIndex
CREATE INDEX "Event_countryCode_startDate_idx" ON "Event"("countryCode", "startDate");

-- CreateIndex
CREATE INDEX "Event_startDate_idx" ON "Event"("startDate");

-- CreateIndex
CREATE INDEX "Event_parentId_idx" ON "Event"("parentId");

-- CreateIndex
CREATE INDEX "Event_kind_idx" ON "Event"("kind");

-- CreateIndex
CREATE INDEX "EventParticipant_eventId_idx" ON "EventParticipant"("eventId");

-- CreateIndex
CREATE INDEX "EventParticipant_personId_idx" ON "EventParticipant"("personId");

-- CreateIndex
CREATE INDEX "EventParticipant_organizationId_idx" ON "EventParticipant"("organizationId");

-- CreateIndex
CREATE INDEX "EventParticipant_countryCode_idx" ON "EventParticipant"("countryCode");

-- CreateIndex
CREATE INDEX "Mention_articleId_start_idx" ON "Mention"("articleId", "start");

-- CreateIndex
CREATE INDEX "Mention_personId_idx" ON "Mention"("personId");

-- CreateIndex
CREATE INDEX "Mention_organizationId_idx" ON "Mention"("organizationId");

-- CreateIndex
CREATE INDEX "Mention_countryCode_idx" ON "Mention"("countryCode");

-- CreateIndex
CREATE INDEX "Mention_eventId_idx" ON "Mention"("eventId");

-- CreateIndex
CREATE INDEX "Mention_statementId_idx" ON "Mention"("statementId");

-- CreateIndex
CREATE INDEX "_StatementAbout_B_index" ON "_StatementAbout"("B");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_leadCountryCode_fkey" FOREIGN KEY ("leadCountryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_leadCountryArticleId_fkey" FOREIGN KEY ("leadCountryArticleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerPersonId_fkey" FOREIGN KEY ("speakerPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerOrganizationId_fkey" FOREIGN KEY ("speakerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_occasionId_fkey" FOREIGN KEY ("occasionId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_StatementAbout" ADD CONSTRAINT "_StatementAbout_A_fkey" FOREIGN KEY ("A") REFERENCES "Country"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_StatementAbout" ADD CONSTRAINT "_StatementAbout_B_fkey" FOREIGN KEY ("B") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Integrity that the Prisma schema language cannot express (kept by hand in this migration).
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_one_speaker"
  CHECK (num_nonnulls("speakerPersonId", "speakerOrganizationId") = 1);
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_span" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_attribution_span" CHECK (
  num_nulls("attributionStart", "attributionEnd", "attributionText") IN (0, 3)
  AND ("attributionStart" IS NULL OR ("attributionStart" >= 0 AND "attributionEnd" > "attributionStart")));
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_said_on_precision"
  CHECK (("saidOn" IS NULL) = ("saidOnPrecision" IS NULL));
ALTER TABLE "Event" ADD CONSTRAINT "Event_span" CHECK ("evidenceStart" >= 0 AND "evidenceEnd" > "evidenceStart");
ALTER TABLE "Event" ADD CONSTRAINT "Event_start_precision" CHECK (("startDate" IS NULL) = ("startPrecision" IS NULL));
ALTER TABLE "Event" ADD CONSTRAINT "Event_end_precision" CHECK (("endDate" IS NULL) = ("endPrecision" IS NULL));
ALTER TABLE "Event" ADD CONSTRAINT "Event_dates_ordered"
  CHECK ("startDate" IS NULL OR "endDate" IS NULL OR "startDate" <= "endDate");
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_one_actor"
  CHECK (num_nonnulls("personId", "organizationId", "countryCode") = 1);
ALTER TABLE "Role" ADD CONSTRAINT "Role_span" CHECK ("evidenceStart" >= 0 AND "evidenceEnd" > "evidenceStart");
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_span" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_one_target"
  CHECK (num_nonnulls("personId", "organizationId", "countryCode", "eventId", "statementId") = 1);
