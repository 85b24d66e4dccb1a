-- AlterTable
ALTER TABLE "Country" ADD COLUMN     "eventCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "statementCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "statementCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "statementCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Country_statementCount_idx" ON "Country"("statementCount");

-- CreateIndex
CREATE INDEX "Country_eventCount_idx" ON "Country"("eventCount");

-- CreateIndex
CREATE INDEX "Person_statementCount_idx" ON "Person"("statementCount");

-- CreateIndex
CREATE INDEX "Organization_statementCount_idx" ON "Organization"("statementCount");


-- ---------------------------------------------------------------------------------------
-- Written by hand: what the Prisma schema language cannot express.
-- ---------------------------------------------------------------------------------------

-- Related counts kept by triggers, so that filtering and ordering by "number of statements"
-- reads one indexed column instead of counting a million rows per request.
CREATE FUNCTION kg_count_statement_speaker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Person" SET "statementCount" = "statementCount" - 1 WHERE id = OLD."speakerPersonId";
    UPDATE "Organization" SET "statementCount" = "statementCount" - 1 WHERE id = OLD."speakerOrganizationId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Person" SET "statementCount" = "statementCount" + 1 WHERE id = NEW."speakerPersonId";
    UPDATE "Organization" SET "statementCount" = "statementCount" + 1 WHERE id = NEW."speakerOrganizationId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Statement_count_speaker"
  AFTER INSERT OR DELETE OR UPDATE OF "speakerPersonId", "speakerOrganizationId" ON "Statement"
  FOR EACH ROW EXECUTE FUNCTION kg_count_statement_speaker();

-- "_StatementAbout" is Prisma's join table for Statement.about: "A" is the country code.
CREATE FUNCTION kg_count_statement_about() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Country" SET "statementCount" = "statementCount" - 1 WHERE code = OLD."A";
  ELSE
    UPDATE "Country" SET "statementCount" = "statementCount" + 1 WHERE code = NEW."A";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "StatementAbout_count"
  AFTER INSERT OR DELETE ON "_StatementAbout"
  FOR EACH ROW EXECUTE FUNCTION kg_count_statement_about();

CREATE FUNCTION kg_count_event_country() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "Country" SET "eventCount" = "eventCount" - 1 WHERE code = OLD."countryCode";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Country" SET "eventCount" = "eventCount" + 1 WHERE code = NEW."countryCode";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Event_count_country"
  AFTER INSERT OR DELETE OR UPDATE OF "countryCode" ON "Event"
  FOR EACH ROW EXECUTE FUNCTION kg_count_event_country();

-- Recomputes every count from scratch: for bulk loads that disable the triggers.
CREATE FUNCTION kg_refresh_counts() RETURNS void LANGUAGE sql AS $$
  UPDATE "Person" p SET "statementCount" = coalesce(c.n, 0)
    FROM (SELECT p2.id, count(s.id) AS n FROM "Person" p2 LEFT JOIN "Statement" s ON s."speakerPersonId" = p2.id GROUP BY p2.id) c
    WHERE c.id = p.id AND p."statementCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "Organization" o SET "statementCount" = coalesce(c.n, 0)
    FROM (SELECT o2.id, count(s.id) AS n FROM "Organization" o2 LEFT JOIN "Statement" s ON s."speakerOrganizationId" = o2.id GROUP BY o2.id) c
    WHERE c.id = o.id AND o."statementCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "Country" k SET "statementCount" = coalesce(c.n, 0)
    FROM (SELECT k2.code, count(a."B") AS n FROM "Country" k2 LEFT JOIN "_StatementAbout" a ON a."A" = k2.code GROUP BY k2.code) c
    WHERE c.code = k.code AND k."statementCount" IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE "Country" k SET "eventCount" = coalesce(c.n, 0)
    FROM (SELECT k2.code, count(e.id) AS n FROM "Country" k2 LEFT JOIN "Event" e ON e."countryCode" = k2.code GROUP BY k2.code) c
    WHERE c.code = k.code AND k."eventCount" IS DISTINCT FROM coalesce(c.n, 0);
$$;

-- Full-text search: one generated tsvector per searchable table, with a GIN index. The
-- columns are not in schema.prisma (Prisma cannot express generated columns); the API reads
-- them through SQL in src/search. Weights: A = names and titles, B = secondary text, C = body.
CREATE FUNCTION kg_join_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_to_string($1, ' ');

ALTER TABLE "Statement" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED;
CREATE INDEX "Statement_search_idx" ON "Statement" USING GIN ("search");

ALTER TABLE "Event" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("location", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, "evidenceText"), 'C')) STORED;
CREATE INDEX "Event_search_idx" ON "Event" USING GIN ("search");

ALTER TABLE "Article" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("subtitle", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, "body"), 'C')) STORED;
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");

ALTER TABLE "Person" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "name"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, kg_join_words("aliases")), 'B')) STORED;
CREATE INDEX "Person_search_idx" ON "Person" USING GIN ("search");

ALTER TABLE "Organization" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "name" || ' ' || coalesce("acronym", '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, kg_join_words("aliases")), 'B')) STORED;
CREATE INDEX "Organization_search_idx" ON "Organization" USING GIN ("search");

ALTER TABLE "Country" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "name" || ' ' || "officialName" || ' ' || "code" || ' ' || "alpha3"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, kg_join_words("aliases") || ' ' || kg_join_words("demonyms")), 'B')) STORED;
CREATE INDEX "Country_search_idx" ON "Country" USING GIN ("search");

-- Case-insensitive `contains` / `startsWith` on names (ILIKE) through trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Person_name_trgm_idx" ON "Person" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Organization_name_trgm_idx" ON "Organization" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Organization_acronym_trgm_idx" ON "Organization" USING GIN ("acronym" gin_trgm_ops);
CREATE INDEX "Country_name_trgm_idx" ON "Country" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);
