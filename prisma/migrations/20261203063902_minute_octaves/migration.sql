BEGIN;

-- A street's buckets in value order, each over the months: the median reads one octave's buckets of a street at once.
ALTER TABLE "IssueMinuteBucket" DROP CONSTRAINT "IssueMinuteBucket_pkey",
ADD CONSTRAINT "IssueMinuteBucket_pkey" PRIMARY KEY ("streetId", "kind", "bucket", "month");

-- CreateTable
CREATE TABLE "IssueMinuteOctave" (
    "month" DATE NOT NULL,
    "streetId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "octave" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "IssueMinuteOctave_pkey" PRIMARY KEY ("streetId","kind","month","octave")
);

-- CreateIndex
CREATE INDEX "IssueMinuteOctave_districtId_kind_month_idx" ON "IssueMinuteOctave"("districtId", "kind", "month");

ALTER TABLE "IssueMinuteOctave" ADD CONSTRAINT "IssueMinuteOctave_kind_check" CHECK (kind IN ('ack', 'resolve'));

-- The octaves of the buckets already there (the refresh keeps them from now on).
INSERT INTO "IssueMinuteOctave" (month, "streetId", "districtId", kind, octave, n)
SELECT month, "streetId", min("districtId"), kind, bucket / 8, sum(n)::int FROM "IssueMinuteBucket" GROUP BY month, "streetId", kind, bucket / 8;

COMMIT;
