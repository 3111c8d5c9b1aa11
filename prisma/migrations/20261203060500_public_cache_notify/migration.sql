BEGIN;

-- Public pages are kept in a response cache by the server (scripts/public-cache.mjs, decision 032). Every statement
-- that writes a table those pages may read says so on the channel 'yishi_public'; PostgreSQL delivers the notice
-- when the writing transaction commits (never for a rollback), to every server instance listening, whatever code
-- path wrote. One notice per statement (not per row), and PostgreSQL folds identical notices of one transaction.
-- Tables left out are private or dashboard-only and read by no cached page (the audit, ballots, issues, codes,
-- statistics...): tests/server/public-cache/notify.test.ts fails when a table is in neither list.
CREATE FUNCTION yishi_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('yishi_public', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AgendaItem" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Attendance" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Bid" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Body" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BodyMember" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Building" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CalendarDay" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Community" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Compound" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "District" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Expense" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Grid" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Household" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IssueCategory" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Meeting" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingInvite" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeetingSeries" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Minutes" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Motion" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Notice" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NoticeAttachment" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Objection" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrganizationAssignment" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OrganizationMember" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Ownership" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PartyMember" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PartyOrg" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PartyOrgMember" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PlanVersion" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Procedure" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Residency" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoleGrant" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Stakeholder" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Street" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Suggestion" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SystemFlag" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TaskUpdate" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Topic" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TopicEvent" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TopicRecord" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TopicTask" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
-- Every sign-in writes "User"."lastSignInAt", which no page shows: that alone empties no cache.
CREATE TRIGGER yishi_public_changed AFTER INSERT OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed_row AFTER UPDATE ON "User" FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'lastSignInAt') IS DISTINCT FROM (to_jsonb(NEW) - 'lastSignInAt')) EXECUTE FUNCTION yishi_public_changed();
CREATE TRIGGER yishi_public_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Visit" FOR EACH STATEMENT EXECUTE FUNCTION yishi_public_changed();

COMMIT;
