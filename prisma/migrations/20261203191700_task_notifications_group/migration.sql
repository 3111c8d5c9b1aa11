BEGIN;

-- Every task kind is a task (review of decision 056): topic.task* (a step's owner assigned, taken over, escalated ...),
-- task.* and supervise.* go under TASKS, so someone who chose SMS for tasks hears of a task given to them.
CREATE OR REPLACE FUNCTION notification_group(kind text) RETURNS "NotifyGroup" LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN kind LIKE 'account.%' OR kind LIKE 'claim.%' THEN 'ACCOUNT'
    WHEN kind LIKE 'meeting.%' THEN 'MEETINGS'
    WHEN kind LIKE 'vote.%' OR kind LIKE 'motion.%' THEN 'VOTES'
    WHEN kind LIKE 'notice.%' THEN 'NOTICES'
    WHEN kind LIKE 'topic.task%' OR kind LIKE 'task.%' OR kind LIKE 'supervise.%'
      OR kind IN ('issue.assigned', 'issue.hand_off', 'issue.add_co_handler', 'issue.escalate', 'issue.consult', 'issue.reminder') THEN 'TASKS'
    ELSE 'PROGRESS'
  END::"NotifyGroup"
$$;

COMMIT;
