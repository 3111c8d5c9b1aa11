BEGIN;

-- CreateIndex
CREATE UNIQUE INDEX "Street_districtId_name_key" ON "Street"("districtId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Community_streetId_name_key" ON "Community"("streetId", "name");

-- Decision 046: an official code is all digits (street 9, community 12); a hand-made one is digits, then X and a
-- number, repeated ("510107X1", "510107009X2"): it can never be an official code.
ALTER TABLE "Street" ADD CONSTRAINT "Street_code_form" CHECK (code ~ '^([0-9]{9}|[0-9]+(X[0-9]+)+)$');
ALTER TABLE "Community" ADD CONSTRAINT "Community_code_form" CHECK (code ~ '^([0-9]{12}|[0-9]+(X[0-9]+)+)$');

COMMIT;
