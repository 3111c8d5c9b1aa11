BEGIN;

-- CreateTable
CREATE TABLE "IssueMinuteBucket" (
    "month" DATE NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "minutes" INTEGER[],

    CONSTRAINT "IssueMinuteBucket_pkey" PRIMARY KEY ("streetId","kind","month","bucket")
);

-- CreateIndex
CREATE INDEX "IssueMinuteBucket_districtId_kind_month_idx" ON "IssueMinuteBucket"("districtId", "kind", "month");

ALTER TABLE "IssueMinuteBucket" ADD CONSTRAINT "IssueMinuteBucket_kind_check" CHECK (kind IN ('ack', 'resolve'));

-- The bucket of a number of minutes: each minute below 16 alone, then 8 buckets per doubling (about 9 % wide).
-- The medians stay exact whatever the widths: they only need buckets that never decrease as the minutes grow.
CREATE FUNCTION yishi_minute_bucket(m int) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN m < 16 THEN m ELSE 16 + floor(8 * ln(m::float8 / 16) / ln(2::float8))::int END $$;

-- The buckets of the minutes already in the rollup (the refresh keeps them from now on).
INSERT INTO "IssueMinuteBucket" (month, "streetId", "districtId", kind, bucket, n, minutes)
SELECT month, "streetId", min("districtId"), kind, yishi_minute_bucket(m), count(*)::int, array_agg(m ORDER BY m)
FROM (
  SELECT s.month, s."streetId", s."districtId", 'ack' AS kind, unnest(s."ackMinutes") AS m FROM "IssueMinutes" s
  UNION ALL
  SELECT s.month, s."streetId", s."districtId", 'resolve', unnest(s."resolveMinutes") FROM "IssueMinutes" s
) x
GROUP BY month, "streetId", kind, yishi_minute_bucket(m);

COMMIT;
