BEGIN;

-- CreateEnum
CREATE TYPE "SurveyKind" AS ENUM ('NEEDS', 'SATISFACTION');

-- CreateEnum
CREATE TYPE "SurveyUnit" AS ENUM ('PERSON', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyQuestionType" AS ENUM ('SINGLE', 'MULTIPLE', 'SCALE', 'TEXT');

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "compoundId" INTEGER,
    "buildingId" INTEGER,
    "kind" "SurveyKind" NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "anonymous" BOOLEAN NOT NULL,
    "unit" "SurveyUnit" NOT NULL,
    "status" "SurveyStatus" NOT NULL DEFAULT 'DRAFT',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3) NOT NULL,
    "topicId" INTEGER,
    "resultNoticeId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" SERIAL NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "SurveyQuestionType" NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '[]',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "maxChoices" INTEGER,
    "scaleMin" INTEGER,
    "scaleMax" INTEGER,
    "minLabel" TEXT,
    "maxLabel" TEXT,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyRespondent" (
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "householdId" INTEGER,
    "answeredOn" DATE NOT NULL,

    CONSTRAINT "SurveyRespondent_pkey" PRIMARY KEY ("surveyId","userId")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER,
    "householdId" INTEGER,
    "answeredOn" DATE NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "responseId" UUID NOT NULL,
    "questionId" INTEGER NOT NULL,
    "choices" INTEGER[],
    "scale" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_resultNoticeId_key" ON "Survey"("resultNoticeId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_idempotencyKey_key" ON "Survey"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Survey_communityId_status_idx" ON "Survey"("communityId", "status");

-- CreateIndex
CREATE INDEX "Survey_compoundId_idx" ON "Survey"("compoundId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyRespondent_surveyId_householdId_key" ON "SurveyRespondent"("surveyId", "householdId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_idx" ON "SurveyResponse"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_responseId_questionId_key" ON "SurveyAnswer"("responseId", "questionId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_compoundId_fkey" FOREIGN KEY ("compoundId") REFERENCES "Compound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_resultNoticeId_fkey" FOREIGN KEY ("resultNoticeId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRespondent" ADD CONSTRAINT "SurveyRespondent_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRespondent" ADD CONSTRAINT "SurveyRespondent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyRespondent" ADD CONSTRAINT "SurveyRespondent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (decision 073): what the database itself holds for surveys.

-- Questions are well formed: options for choices, a range for scales, at most the options for MULTIPLE.
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_shape" CHECK (
  "position" >= 1 AND length(btrim("prompt")) > 0 AND
  CASE "type"
    WHEN 'SINGLE' THEN jsonb_typeof("options") = 'array' AND jsonb_array_length("options") >= 2
    WHEN 'MULTIPLE' THEN jsonb_typeof("options") = 'array' AND jsonb_array_length("options") >= 2
      AND "maxChoices" >= 1 AND "maxChoices" <= jsonb_array_length("options")
    WHEN 'SCALE' THEN "scaleMin" IS NOT NULL AND "scaleMax" IS NOT NULL AND "scaleMin" < "scaleMax" AND "scaleMax" - "scaleMin" <= 10
    ELSE TRUE
  END);
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_text_length" CHECK ("text" IS NULL OR char_length("text") <= 1000);
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_place" CHECK ("buildingId" IS NULL OR "compoundId" IS NOT NULL);

-- Questions are frozen once the survey is open: answers were given to these words.
CREATE FUNCTION survey_questions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s "SurveyStatus";
BEGIN
  SELECT status INTO s FROM "Survey" WHERE id = COALESCE(NEW."surveyId", OLD."surveyId");
  IF s IS DISTINCT FROM 'DRAFT' THEN
    RAISE EXCEPTION 'the questions of survey % are frozen once it opens', COALESCE(NEW."surveyId", OLD."surveyId") USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."surveyId" <> OLD."surveyId" THEN
    RAISE EXCEPTION 'a question stays in its survey' USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER survey_questions_frozen BEFORE INSERT OR UPDATE OR DELETE ON "SurveyQuestion"
  FOR EACH ROW EXECUTE FUNCTION survey_questions_frozen();

-- Answers only while open and before closesAt; a household survey names the household; an anonymous response names
-- nobody, a named one its respondent.
CREATE FUNCTION survey_answer_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s RECORD;
BEGIN
  SELECT status, "closesAt", anonymous, unit INTO s FROM "Survey" WHERE id = NEW."surveyId" FOR SHARE;
  IF s.status IS DISTINCT FROM 'OPEN' OR s."closesAt" <= now() THEN
    RAISE EXCEPTION 'survey % takes no answers', NEW."surveyId" USING ERRCODE = 'check_violation';
  END IF;
  IF TG_TABLE_NAME = 'SurveyRespondent' THEN
    IF (s.unit = 'HOUSEHOLD') <> (NEW."householdId" IS NOT NULL) THEN
      RAISE EXCEPTION 'a household survey is answered for a household, a personal one for nobody else' USING ERRCODE = 'check_violation';
    END IF;
  ELSIF s.anonymous AND (NEW."userId" IS NOT NULL OR NEW."householdId" IS NOT NULL) THEN
    RAISE EXCEPTION 'an anonymous response names nobody' USING ERRCODE = 'check_violation';
  ELSIF NOT s.anonymous AND NEW."userId" IS NULL THEN
    RAISE EXCEPTION 'a named response names its respondent' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER survey_respondent_allowed BEFORE INSERT ON "SurveyRespondent" FOR EACH ROW EXECUTE FUNCTION survey_answer_allowed();
CREATE TRIGGER survey_response_allowed BEFORE INSERT ON "SurveyResponse" FOR EACH ROW EXECUTE FUNCTION survey_answer_allowed();

-- What was answered, and who answered, is never changed or removed.
CREATE FUNCTION survey_answers_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or removed', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER survey_respondent_kept BEFORE UPDATE OR DELETE ON "SurveyRespondent" FOR EACH ROW EXECUTE FUNCTION survey_answers_kept();
CREATE TRIGGER survey_response_kept BEFORE UPDATE OR DELETE ON "SurveyResponse" FOR EACH ROW EXECUTE FUNCTION survey_answers_kept();
CREATE TRIGGER survey_answer_kept BEFORE UPDATE OR DELETE ON "SurveyAnswer" FOR EACH ROW EXECUTE FUNCTION survey_answers_kept();

COMMIT;
