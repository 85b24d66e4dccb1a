-- DropIndex
DROP INDEX "Article_sourceId_idx";

-- DropIndex
DROP INDEX "Country_statementCount_idx";

-- DropIndex
DROP INDEX "Country_eventCount_idx";

-- DropIndex
DROP INDEX "Person_statementCount_idx";

-- DropIndex
DROP INDEX "Role_personId_idx";

-- DropIndex
DROP INDEX "Role_countryCode_idx";

-- DropIndex
DROP INDEX "Role_organizationId_idx";

-- DropIndex
DROP INDEX "Organization_statementCount_idx";

-- DropIndex
DROP INDEX "Statement_articleId_idx";

-- DropIndex
DROP INDEX "Statement_occasionId_idx";

-- DropIndex
DROP INDEX "Statement_saidOn_idx";

-- DropIndex
DROP INDEX "Event_articleId_idx";

-- DropIndex
DROP INDEX "Event_countryCode_startDate_idx";

-- DropIndex
DROP INDEX "Event_startDate_idx";

-- DropIndex
DROP INDEX "Event_parentId_idx";

-- DropIndex
DROP INDEX "EventParticipant_eventId_idx";

-- DropIndex
DROP INDEX "EventParticipant_personId_idx";

-- DropIndex
DROP INDEX "EventParticipant_organizationId_idx";

-- DropIndex
DROP INDEX "EventParticipant_countryCode_idx";

-- CreateIndex
CREATE INDEX "Article_sourceId_publishedOn_idx" ON "Article"("sourceId", "publishedOn");

-- CreateIndex
CREATE INDEX "Country_statementCount_code_idx" ON "Country"("statementCount", "code");

-- CreateIndex
CREATE INDEX "Country_eventCount_code_idx" ON "Country"("eventCount", "code");

-- CreateIndex
CREATE INDEX "Person_statementCount_id_idx" ON "Person"("statementCount", "id");

-- CreateIndex
CREATE INDEX "Role_personId_id_idx" ON "Role"("personId", "id");

-- CreateIndex
CREATE INDEX "Role_countryCode_id_idx" ON "Role"("countryCode", "id");

-- CreateIndex
CREATE INDEX "Role_organizationId_id_idx" ON "Role"("organizationId", "id");

-- CreateIndex
CREATE INDEX "Organization_statementCount_id_idx" ON "Organization"("statementCount", "id");

-- CreateIndex
CREATE INDEX "Statement_articleId_id_idx" ON "Statement"("articleId", "id");

-- CreateIndex
CREATE INDEX "Statement_speakerPersonId_id_idx" ON "Statement"("speakerPersonId", "id");

-- CreateIndex
CREATE INDEX "Statement_speakerOrganizationId_id_idx" ON "Statement"("speakerOrganizationId", "id");

-- CreateIndex
CREATE INDEX "Statement_occasionId_id_idx" ON "Statement"("occasionId", "id");

-- CreateIndex
CREATE INDEX "Statement_saidOn_id_idx" ON "Statement"("saidOn", "id");

-- CreateIndex
CREATE INDEX "Event_articleId_id_idx" ON "Event"("articleId", "id");

-- CreateIndex
CREATE INDEX "Event_countryCode_startDate_id_idx" ON "Event"("countryCode", "startDate", "id");

-- CreateIndex
CREATE INDEX "Event_startDate_id_idx" ON "Event"("startDate", "id");

-- CreateIndex
CREATE INDEX "Event_parentId_id_idx" ON "Event"("parentId", "id");

-- CreateIndex
CREATE INDEX "EventParticipant_eventId_id_idx" ON "EventParticipant"("eventId", "id");

-- CreateIndex
CREATE INDEX "EventParticipant_personId_id_idx" ON "EventParticipant"("personId", "id");

-- CreateIndex
CREATE INDEX "EventParticipant_organizationId_id_idx" ON "EventParticipant"("organizationId", "id");

-- CreateIndex
CREATE INDEX "EventParticipant_countryCode_id_idx" ON "EventParticipant"("countryCode", "id");


-- Written by hand: sort orders the Prisma schema language cannot express. "Newest first with
-- unknown dates last" (the API's SAID_ON_DESC / START_DATE_DESC) reads these in index order.
CREATE INDEX "Statement_saidOn_desc_id_idx" ON "Statement"("saidOn" DESC NULLS LAST, "id");
CREATE INDEX "Event_startDate_desc_id_idx" ON "Event"("startDate" DESC NULLS LAST, "id");
