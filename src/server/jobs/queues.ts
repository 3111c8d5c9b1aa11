/** The job queues' names (pg-boss), apart from the jobs themselves so that the health check can name one cheaply. */
export const ESCALATION_QUEUE = 'issues-escalation';
export const SUPERVISION_QUEUE = 'topics-supervision';
export const MAIL_QUEUE = 'mail-outbox';
export const SMS_QUEUE = 'sms-outbox';
export const DIGEST_QUEUE = 'messages-digest';
export const MEETING_REMINDERS = 'meeting-reminders';
export const MOTIONS_CLOSE = 'motions-close';
export const STATS_REFRESH = 'stats-refresh';
export const STATS_EXPORT = 'stats-export';
export const STATS_EXPORT_CLEANUP = 'stats-export-cleanup';
export const CHAIN_CHECK = 'notices-chain-check';
export const BULLETINS_DRAFT = 'topics-bulletins-draft';
export const REMINDERS = 'reminders';

/** The recurring job the health check watches: every minute, so five minutes without a run means the queue stopped. */
export const HEARTBEAT_QUEUE = STATS_REFRESH;
export const HEARTBEAT_STALE_MINUTES = 5;
