BEGIN;

-- Issue 20's new columns that name an account are checked by the database (as in 20261203155000_issue19_foreign_keys):
-- accounts are disabled, never deleted.
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

COMMIT;
