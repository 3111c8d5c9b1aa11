/**
 * Procedures are data: an ordered list of steps. Each step says who may act in it, what the topic page
 * offers while it is open (its activity), what it must produce before the next step may open (its
 * gates), its default duration, and what happens on leaving it (effects). The templates below follow
 * ../shared/domain/README.md and rules.md; district admins copy and adjust them (versions are kept).
 */
import type { TRule } from '../votes/evaluate';

/** Who may act in a step, as they stand toward the topic (the server works this out from roles). */
export const topicActors = [
  /** Community secretary or residents' committee staff, or staff of the street/district above. */
  'COMMUNITY_STAFF',
  /** Secretary of the compound's party branch. */
  'BRANCH',
  /** A member of the owners' committee of the compound. */
  'OWNERS_COMMITTEE',
  /** A member of a council (community council, courtyard council) of the place. */
  'COUNCIL',
] as const;
export type TTopicActor = (typeof topicActors)[number];

/**
 * How someone stands toward one topic: a step actor, or its 协商联络人 (LIAISON), appointed on that topic
 * alone by whoever runs it; the liaison convenes for the branch, so acts in the steps the branch runs (decision 052).
 */
export type TTopicStanding = TTopicActor | 'LIAISON';

/**
 * The one check of who may act in a step: its actors, and the topic's liaison in a step the branch runs — never in a
 * step that is a body's decision (owners' committee, council) or the two committees' alone (community staff).
 */
export function actsInStep(step: { actors: readonly TTopicActor[] }, standing: ReadonlySet<TTopicStanding>): boolean {
  return (standing.has('LIAISON') && step.actors.includes('BRANCH')) || step.actors.some((a) => standing.has(a));
}

/** What the topic page offers while the step is open. */
export const activities = [
  'NONE',
  'PARTY_FIRST',
  'SUGGESTIONS',
  'PLAN',
  'CONSENSUS',
  'APPROVAL',
  'MOTION',
  'CONTRACTORS',
  'TASKS',
  'NOTICES',
] as const;
export type TActivity = (typeof activities)[number];

export type TNoticeKind = 'PLAN' | 'ANNOUNCEMENT' | 'DECISION' | 'OPINION' | 'RESULT' | 'FINANCE';

/** What a step must have produced before it may be left. */
export type TGate =
  | { kind: 'STAKEHOLDERS'; min: number }
  | { kind: 'SUGGESTIONS'; min: number }
  | { kind: 'PLAN_VERSION' }
  | { kind: 'PLAN_AGREED' }
  | { kind: 'OPINION_RECORDED' }
  | { kind: 'PARTY_APPROVED' }
  /** The party members' view (for / against / amend) recorded in a party-members-first step. */
  | { kind: 'PARTY_VIEW' }
  | { kind: 'MOTION_PASSED' }
  | { kind: 'CONTRACTOR_CHOSEN' }
  | { kind: 'TASKS_ACCEPTED' }
  | { kind: 'ACTUAL_COST' }
  | { kind: 'NOTICE'; notice: TNoticeKind };
export type TGateKind = TGate['kind'];

/**
 * Who votes on a motion: a body of the place by kind, the party members, the owners, or the households of
 * the place (a residents' meeting of one representative per household, 城市居民委员会组织法 art. 9).
 */
export type TMotionBody =
  | {
      kind: 'BODY';
      bodyKind: 'RESIDENTS_REPRESENTATIVES' | 'COMMUNITY_COUNCIL' | 'COURTYARD_COUNCIL' | 'OWNERS_COMMITTEE' | 'TWO_COMMITTEES';
    }
  | { kind: 'PARTY_MEMBERS' }
  | { kind: 'OWNERS' }
  | { kind: 'HOUSEHOLDS' };

export type TEffect =
  | { kind: 'NOTIFY_STAKEHOLDERS' }
  | { kind: 'PUBLISH_NOTICE'; notice: TNoticeKind }
  | { kind: 'OPEN_MOTION'; body: TMotionBody; rule: TRule };

export type TStep = {
  /** Stable within a template: used in messages (topics.step.<key>) and history. */
  key: string;
  actors: TTopicActor[];
  activity: TActivity;
  gates: TGate[];
  days: number;
  onLeave: TEffect[];
};

/** version: of a city-wide template (1 when absent); a topic keeps the version it started with. */
export type TProcedure = { code: string; steps: TStep[]; version?: number };

const TWO_THIRDS = { p: 2, q: 3 };
const notify: TEffect = { kind: 'NOTIFY_STAKEHOLDERS' };
const STAFF: TTopicActor[] = ['COMMUNITY_STAFF'];
const PARTY_AND_STAFF: TTopicActor[] = ['COMMUNITY_STAFF', 'BRANCH'];

/** 七步工作法 — the default: raise, ideas, plan, consensus, decide (2/3 of all representatives), implement, publicise. */
export const SEVEN_STEP: TProcedure = {
  code: 'SEVEN_STEP',
  steps: [
    { key: 'raise', actors: PARTY_AND_STAFF, activity: 'NONE', gates: [], days: 7, onLeave: [notify] },
    {
      key: 'ideas',
      actors: PARTY_AND_STAFF,
      activity: 'SUGGESTIONS',
      gates: [
        { kind: 'STAKEHOLDERS', min: 1 },
        { kind: 'SUGGESTIONS', min: 1 },
      ],
      days: 14,
      onLeave: [notify],
    },
    { key: 'plan', actors: PARTY_AND_STAFF, activity: 'PLAN', gates: [{ kind: 'PLAN_VERSION' }], days: 14, onLeave: [notify] },
    {
      key: 'consensus',
      actors: PARTY_AND_STAFF,
      activity: 'CONSENSUS',
      gates: [{ kind: 'PLAN_AGREED' }],
      days: 14,
      onLeave: [
        notify,
        {
          kind: 'OPEN_MOTION',
          body: { kind: 'BODY', bodyKind: 'RESIDENTS_REPRESENTATIVES' },
          rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS },
        },
      ],
    },
    {
      key: 'decide',
      actors: STAFF,
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 14,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'implement',
      actors: PARTY_AND_STAFF,
      activity: 'TASKS',
      gates: [{ kind: 'TASKS_ACCEPTED' }],
      days: 60,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'RESULT' }],
    },
    {
      key: 'publicise',
      actors: PARTY_AND_STAFF,
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'RESULT' }],
      days: 7,
      onLeave: [notify],
    },
  ],
};

/** 四议两公开: party organisation proposes → two committees discuss → party members' meeting reviews → residents' representatives decide; resolution and result published. */
export const FOUR_TWO: TProcedure = {
  code: 'FOUR_TWO',
  steps: [
    { key: 'propose', actors: PARTY_AND_STAFF, activity: 'PLAN', gates: [{ kind: 'PLAN_VERSION' }], days: 7, onLeave: [notify] },
    {
      key: 'discuss',
      actors: STAFF,
      activity: 'CONSENSUS',
      gates: [{ kind: 'PLAN_AGREED' }],
      days: 7,
      onLeave: [notify, { kind: 'OPEN_MOTION', body: { kind: 'PARTY_MEMBERS' }, rule: { kind: 'PARTY_MEMBERS_MEETING' } }],
    },
    {
      key: 'review',
      actors: PARTY_AND_STAFF,
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 14,
      onLeave: [
        notify,
        {
          kind: 'OPEN_MOTION',
          body: { kind: 'BODY', bodyKind: 'RESIDENTS_REPRESENTATIVES' },
          rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS },
        },
      ],
    },
    {
      key: 'decide',
      actors: STAFF,
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 14,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'implement',
      actors: PARTY_AND_STAFF,
      activity: 'TASKS',
      gates: [{ kind: 'TASKS_ACCEPTED' }],
      days: 60,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'RESULT' }],
    },
    {
      key: 'publicise',
      actors: PARTY_AND_STAFF,
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'RESULT' }],
      days: 7,
      onLeave: [notify],
    },
  ],
};

/**
 * Courtyard project with community roadshow (Chengdu): the courtyard council agrees the project, its
 * budget and funding and publicises it; the community council passes it by two thirds of all members;
 * contractors are compared; budget against actual spending is published.
 */
export const COURTYARD_ROADSHOW: TProcedure = {
  code: 'COURTYARD_ROADSHOW',
  steps: [
    { key: 'raise', actors: ['COUNCIL', 'COMMUNITY_STAFF'], activity: 'NONE', gates: [], days: 7, onLeave: [notify] },
    {
      key: 'courtyardPlan',
      actors: ['COUNCIL', 'COMMUNITY_STAFF'],
      activity: 'PLAN',
      gates: [{ kind: 'PLAN_VERSION' }],
      days: 60,
      onLeave: [notify],
    },
    {
      key: 'courtyardAgree',
      actors: ['COUNCIL', 'COMMUNITY_STAFF'],
      activity: 'CONSENSUS',
      gates: [{ kind: 'PLAN_AGREED' }],
      days: 30,
      onLeave: [
        notify,
        { kind: 'PUBLISH_NOTICE', notice: 'PLAN' },
        {
          kind: 'OPEN_MOTION',
          body: { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
          rule: { kind: 'ROSTER_FRACTION', fraction: TWO_THIRDS },
        },
      ],
    },
    {
      key: 'roadshow',
      actors: STAFF,
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 30,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'contractors',
      actors: ['COUNCIL', 'COMMUNITY_STAFF'],
      activity: 'CONTRACTORS',
      gates: [{ kind: 'CONTRACTOR_CHOSEN' }],
      days: 30,
      onLeave: [notify],
    },
    {
      key: 'implement',
      actors: ['COUNCIL', 'COMMUNITY_STAFF'],
      activity: 'TASKS',
      gates: [{ kind: 'TASKS_ACCEPTED' }, { kind: 'ACTUAL_COST' }],
      days: 90,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'FINANCE' }],
    },
    {
      key: 'publicise',
      actors: ['COUNCIL', 'COMMUNITY_STAFF'],
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'FINANCE' }],
      days: 7,
      onLeave: [notify],
    },
  ],
};

/**
 * Owners' assembly decision (Civil Code art. 278): the owners' committee proposes; a major matter is
 * approved by the party branch first (scenario S4); the assembly is announced; owners decide by the
 * statutory double threshold; the result is published. The matter (1–9) is set on the topic.
 */
export const OWNERS_ASSEMBLY: TProcedure = {
  code: 'OWNERS_ASSEMBLY',
  steps: [
    {
      key: 'propose',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'PLAN',
      gates: [{ kind: 'PLAN_VERSION' }],
      days: 14,
      onLeave: [notify],
    },
    {
      key: 'partyApproval',
      actors: ['BRANCH', 'COMMUNITY_STAFF'],
      activity: 'APPROVAL',
      gates: [{ kind: 'PARTY_APPROVED' }],
      days: 7,
      onLeave: [
        notify,
        { kind: 'PUBLISH_NOTICE', notice: 'ANNOUNCEMENT' },
        { kind: 'OPEN_MOTION', body: { kind: 'OWNERS' }, rule: { kind: 'OWNERS_ASSEMBLY', matter: 9 } },
      ],
    },
    {
      key: 'decide',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 30,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'publicise',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'DECISION' }],
      days: 3,
      onLeave: [notify],
    },
  ],
};

/** Plain consultation (rules.md §6): an opinion, not a vote; carried out and reported back. */
export const CONSULTATION: TProcedure = {
  code: 'CONSULTATION',
  steps: [
    { key: 'raise', actors: PARTY_AND_STAFF, activity: 'NONE', gates: [], days: 7, onLeave: [notify] },
    {
      key: 'ideas',
      actors: PARTY_AND_STAFF,
      activity: 'SUGGESTIONS',
      gates: [
        { kind: 'STAKEHOLDERS', min: 1 },
        { kind: 'SUGGESTIONS', min: 1 },
      ],
      days: 14,
      onLeave: [notify],
    },
    {
      key: 'consult',
      actors: PARTY_AND_STAFF,
      activity: 'CONSENSUS',
      gates: [{ kind: 'OPINION_RECORDED' }],
      days: 14,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'OPINION' }],
    },
    {
      key: 'reportBack',
      actors: PARTY_AND_STAFF,
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'RESULT' }],
      days: 30,
      onLeave: [notify],
    },
  ],
};

/**
 * Residents' meeting decision (rules.md §2): a plan is put to a meeting of the households of the place;
 * more than half of them attend and more than half of those present agree; implemented and published.
 */
export const RESIDENTS_MEETING: TProcedure = {
  code: 'RESIDENTS_MEETING',
  steps: [
    {
      key: 'plan',
      actors: PARTY_AND_STAFF,
      activity: 'PLAN',
      gates: [{ kind: 'PLAN_VERSION' }],
      days: 14,
      onLeave: [notify, { kind: 'OPEN_MOTION', body: { kind: 'HOUSEHOLDS' }, rule: { kind: 'RESIDENTS_MEETING' } }],
    },
    {
      key: 'residentsMeeting',
      actors: STAFF,
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 30,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'implement',
      actors: PARTY_AND_STAFF,
      activity: 'TASKS',
      gates: [{ kind: 'TASKS_ACCEPTED' }],
      days: 60,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'RESULT' }],
    },
    {
      key: 'publicise',
      actors: PARTY_AND_STAFF,
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'RESULT' }],
      days: 7,
      onLeave: [notify],
    },
  ],
};

/**
 * Owners' committee decision (rules.md §4): the agenda is put 7 days ahead; more than half of the members
 * present; half or more of all members agree (more than half in Beijing and Shanghai — the district's
 * setting, frozen when the motion opens); the decision is published within 3 days.
 */
export const OWNERS_COMMITTEE: TProcedure = {
  code: 'OWNERS_COMMITTEE',
  steps: [
    {
      key: 'committeePropose',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'PLAN',
      gates: [{ kind: 'PLAN_VERSION' }],
      days: 7,
      onLeave: [
        notify,
        {
          kind: 'OPEN_MOTION',
          body: { kind: 'BODY', bodyKind: 'OWNERS_COMMITTEE' },
          rule: { kind: 'OWNERS_COMMITTEE', jurisdiction: 'NATIONAL' },
        },
      ],
    },
    {
      key: 'committeeDecide',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'MOTION',
      gates: [{ kind: 'MOTION_PASSED' }],
      days: 14,
      onLeave: [notify, { kind: 'PUBLISH_NOTICE', notice: 'DECISION' }],
    },
    {
      key: 'publicise',
      actors: ['OWNERS_COMMITTEE', 'COMMUNITY_STAFF'],
      activity: 'NOTICES',
      gates: [{ kind: 'NOTICE', notice: 'DECISION' }],
      days: 3,
      onLeave: [notify],
    },
  ],
};

/**
 * 重大事项党员先知道、党员先商量、党员先行动: the topic is seen by the party members of the place (and the staff
 * who run it) only; they give suggestions with a stance and their view is recorded before residents see it.
 */
export const PARTY_FIRST_STEP: TStep = {
  key: 'partyFirst',
  actors: PARTY_AND_STAFF,
  activity: 'PARTY_FIRST',
  gates: [{ kind: 'PARTY_VIEW' }],
  days: 7,
  onLeave: [notify],
};

/** Version 2 of the major-matter procedures: the party members first, then as version 1. */
export const FOUR_TWO_V2: TProcedure = { code: 'FOUR_TWO', version: 2, steps: [PARTY_FIRST_STEP, ...FOUR_TWO.steps] };
export const OWNERS_ASSEMBLY_V2: TProcedure = { code: 'OWNERS_ASSEMBLY', version: 2, steps: [PARTY_FIRST_STEP, ...OWNERS_ASSEMBLY.steps] };

/** Every city-wide template, each version (the newest of a code is the one offered; topics keep theirs). */
export const TEMPLATES: readonly TProcedure[] = [
  SEVEN_STEP,
  FOUR_TWO,
  COURTYARD_ROADSHOW,
  OWNERS_ASSEMBLY,
  CONSULTATION,
  RESIDENTS_MEETING,
  OWNERS_COMMITTEE,
  FOUR_TWO_V2,
  OWNERS_ASSEMBLY_V2,
];

/** While its current step is a party-members-first one, a topic is seen by the party members of the place only. */
export function partyOnly(procedure: TProcedure, stepIndex: number): boolean {
  return procedure.steps[stepIndex]?.activity === 'PARTY_FIRST';
}
