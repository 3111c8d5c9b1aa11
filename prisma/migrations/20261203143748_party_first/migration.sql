BEGIN;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "liaisonUserId" INTEGER,
ADD COLUMN     "partyOnly" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "TopicRecord" ADD COLUMN     "votesAgainst" INTEGER,
ADD COLUMN     "votesAmend" INTEGER,
ADD COLUMN     "votesFor" INTEGER;

COMMIT;
