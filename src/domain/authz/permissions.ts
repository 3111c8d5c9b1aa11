import type { TRole } from './roles';

export const permissions = [
  /** Create and edit compounds, buildings and households. */
  'territory.manage',
  /** Create bodies, appoint and remove members, set terms. */
  'body.manage',
  /** Create staff accounts and grant roles ranked below one's own. */
  'staff.manage',
  /** Print invitation codes, review household claims, create accounts for residents in person. */
  'resident.verify',
  /** Issue one-time password-reset codes to residents. */
  'password.reset',
  /** Import a household roster from a spreadsheet. */
  'roster.import',
  /** Read the household roster: units, owners, residents. */
  'roster.read',
  /** See phone numbers unmasked. */
  'phone.read',
  /** Read the audit trail. */
  'audit.read',
  /** Register party members and keep their profiles. */
  'partyMember.manage',
  /** Cast a ballot in a body one belongs to (votes capability). */
  'vote.cast',
  /** Read residents' issues of a place (the author of an anonymous issue stays hidden). */
  'issue.read',
  /** Handle residents' issues: acknowledge, resolve, escalate, take over. */
  'issue.handle',
  /**
   * Raise an issue as a resident: held at one's home it applies to the home's community; held by an unverified
   * account at the community it named at registration, there only (and the issue is marked unverified).
   */
  'issue.raise',
  /** Raise issues on behalf of callers through the Open311 API (a district's API key). */
  'issue.report',
  /** Set a district's issue categories, deadlines and extra calendar days. */
  'issue.configure',
  /** Issue and revoke a district's API keys. */
  'apiKey.manage',
  /** Read deliberation topics of a place: timeline, suggestions, plans, records. */
  'topic.read',
  /** Raise a deliberation topic at a place. */
  'topic.raise',
  /** Run topics: invite stakeholders, record plans and consensus, move steps, assign tasks. */
  'topic.manage',
  /** See and take part in the party-members-first steps of topics at the place (decision 052). */
  'topic.partyFirst',
  /** Take part as a resident of the place: give suggestions, supervise tasks (held at one's home, applies to the places around it). */
  'topic.suggest',
  /** Copy and adjust the district's procedure templates. */
  'procedure.manage',
  /** Publish notices by hand, publish corrections, answer objections, close a notice's period. */
  'notice.publish',
  /** File an objection to a notice of the places around one's home (held at one's home). */
  'notice.object',
  /** Schedule meetings, keep attendance, agenda and minutes, log reception-day visits. */
  'meeting.manage',
  /** Read the dashboards of a place and every place below it, drill down to the issues behind a figure, export them. */
  'stats.read',
  /**
   * Leave an issue out of the rates (e.g. an unreasonable request), with a reason. Held by the district only (decision 028):
   * a community is rated on its issues and a street is ranked on its communities' issues, so neither may drop them.
   */
  'stats.exclude',
  /**
   * Build the party's structure: party organisations, their officers and terms, renames, merges and dissolutions. Only
   * below one's own level (mayBuild): a street office sets up its communities' party committees, a community its
   * grid and compound branches, a compound branch its building groups; the district everything, its street 党工委 too.
   */
  'partyOrg.manage',
  /** Build grids and micro-grids under a community, assign buildings, grid workers and 党员中心户 (mayBuild: below one's level). */
  'grid.manage',
  /** Keep the organisations of a place (property firms, co-building and stationed units, social organisations) and their assignments. */
  'organization.manage',
  /**
   * Record an issue for a household one keeps in touch with through the contact chain (代为反映, decision 051): held by the
   * derived CONTACT_KEEPER at the kept households' buildings; the use case also checks the household is kept by a link.
   */
  'issue.raiseFor',
  /**
   * 督办 (decision 049): press (催办) an overdue task or step of the places below and take it over (name a new owner, run
   * the step). Held by community secretaries, streets and districts, not by every staff member of a community.
   */
  'topic.supervise',
  /**
   * Receive mediation cases of the place, name their mediators, and read every case there — each read audited (decision
   * 062). The community's secretary and the mediation committee's chair; never the street or district, who see counts only.
   */
  'mediation.manage',
  /** Mediate a case one is named on: sessions, notes, the agreement, the referral, the follow-up (derived per case). */
  'mediation.mediate',
  /** Read one's own case as a party: its state, sessions' times and places, the agreement (derived per case). */
  'mediation.party',
  /**
   * Run elections of the place (decision 069): open one, list nominations made on paper, publish the candidate list,
   * answer objections, freeze the roll, enter paper ballots, count, publish the results and seat the winners.
   */
  'election.manage',
  /**
   * Take part in the elections of the places around one's home (held at one's home, decision 069): nominate, second,
   * stand, object. Casting a ballot also needs being on the election's frozen roll.
   */
  'election.participate',
  /** Sign in to an open meeting of the places around one's home without an invitation (held at one's home, decision 067). */
  'meeting.attend',
  /** Approve (指导) or return a meeting a branch proposed (申报), such as a 主题党日, before it is announced (decision 067). */
  'meeting.approve',
  /** Start or support a request for a residents' meeting (组织法 art. 10) of one's community (held at one's home, decision 068). */
  'meeting.request',
  /** Add, change and retire the district's own meeting kinds (decision 066). */
  'meetingType.manage',
  /** Keep the district's disclosure catalogue (公开目录): what each community and compound discloses, how often (decision 070). */
  'disclosure.configure',
  /**
   * Fill a due disclosure of the place from its template, attach the notice-board photo, record an event that starts a
   * "within N days" item, or waive a slot with a reason (decision 070). The use case also checks who discloses the item:
   * an owners' committee's items by its chair, a property firm's by its staff, the community's by its staff.
   */
  'disclosure.publish',
  /**
   * Keep a ledger (明白账) of the place (decision 071): record entries, reverse them, attach receipts, reconcile, publish
   * statements. The use case checks the ledger's keeper: property fees by the firm, the maintenance fund and self-raised
   * funds by the owners' committee's chair or the community's staff, the community's funds by its staff.
   */
  'ledger.keep',
  /** Read the ledgers of the places around one's home, or of one's places as staff (decision 071); receipts included. */
  'ledger.read',
  /** Add, change and retire the district's topic categories (decision 072). */
  'topicCategory.manage',
  /** Draw up, change and run surveys (问卷) of the place; read their answers and export them (decision 073). */
  'survey.manage',
  /** Answer the surveys of the places around one's home (held at one's home, decision 073). */
  'survey.answer',
] as const;
export type TPermission = (typeof permissions)[number];

const STAFF_ADMIN: TPermission[] = [
  'territory.manage',
  'body.manage',
  'staff.manage',
  'resident.verify',
  'password.reset',
  'roster.import',
  'roster.read',
  'phone.read',
  'audit.read',
  'partyMember.manage',
  'issue.read',
  'issue.handle',
  'topic.read',
  'topic.raise',
  'topic.manage',
  'topic.partyFirst',
  'notice.publish',
  'meeting.manage',
  'stats.read',
  'grid.manage',
  'organization.manage',
  'election.manage',
  'disclosure.publish',
  'ledger.keep',
  'ledger.read',
  'survey.manage',
];

/**
 * The one permission matrix. A permission holds at the place where the role is held and everywhere
 * below it (a street's staff act on every community of that street, never on another street).
 */
export const ROLE_PERMISSIONS = {
  // vote.cast for residents: a residents' meeting names one per household (its representative, else its first resident).
  RESIDENT: [
    'issue.raise',
    'vote.cast',
    'topic.suggest',
    'notice.object',
    'election.participate',
    'meeting.attend',
    'meeting.request',
    'ledger.read',
    'survey.answer',
  ],
  OWNER: [
    'vote.cast',
    'topic.suggest',
    'notice.object',
    'election.participate',
    'meeting.attend',
    'meeting.request',
    'ledger.read',
    'survey.answer',
  ],
  HOUSEHOLD_REPRESENTATIVE: [
    'vote.cast',
    'topic.suggest',
    'notice.object',
    'election.participate',
    'meeting.attend',
    'meeting.request',
    'ledger.read',
    'survey.answer',
  ],
  // Held at the community of the member's organisation (decision 051): reads its topics; party meetings by kind.
  PARTY_MEMBER: ['vote.cast', 'topic.read', 'topic.partyFirst', 'election.participate', 'meeting.attend'],
  OWNERS_COMMITTEE_MEMBER: ['vote.cast', 'topic.read', 'topic.raise', 'ledger.read'],
  OWNERS_COMMITTEE_CHAIR: [
    'vote.cast',
    'roster.read',
    'topic.read',
    'topic.raise',
    'meeting.manage',
    'disclosure.publish',
    'ledger.keep',
    'ledger.read',
  ],
  SUPERVISORY_COMMITTEE_MEMBER: ['vote.cast', 'audit.read', 'issue.read', 'topic.read', 'ledger.read'],
  COUNCIL_MEMBER: ['vote.cast', 'topic.read', 'topic.raise'],
  BODY_MEMBER: ['vote.cast'],
  BUILDING_HEAD: ['roster.read', 'phone.read', 'issue.read', 'issue.handle', 'topic.read'],
  PROPERTY_FIRM_STAFF: ['roster.read', 'issue.read', 'issue.handle', 'topic.read', 'disclosure.publish', 'ledger.keep', 'ledger.read'],
  GRID_WORKER: ['roster.read', 'phone.read', 'resident.verify', 'issue.read', 'issue.handle', 'topic.read'],
  BRANCH_SECRETARY: [
    'partyOrg.manage',
    'roster.read',
    'phone.read',
    'resident.verify',
    'partyMember.manage',
    'audit.read',
    'issue.read',
    'issue.handle',
    'topic.read',
    'topic.raise',
    'topic.manage',
    'topic.partyFirst',
    'notice.publish',
    'meeting.manage',
    'stats.read',
    'election.manage',
    'survey.manage',
  ],
  RESIDENTS_COMMITTEE_STAFF: STAFF_ADMIN.filter((p) => p !== 'staff.manage'),
  // Party structure belongs to party officers: not to the residents' committee's staff.
  COMMUNITY_SECRETARY: [...STAFF_ADMIN, 'partyOrg.manage', 'topic.supervise', 'mediation.manage', 'meeting.approve'],
  // Derived from the chair or vice chair of the community's people's mediation committee (decision 062).
  MEDIATION_CHAIR: ['mediation.manage'],
  // Derived per case (decision 062): named on the case as a mediator, or a party to it. Never held at a place.
  CASE_MEDIATOR: ['mediation.mediate'],
  CASE_PARTY: ['mediation.party'],
  STREET_STAFF: [...STAFF_ADMIN, 'partyOrg.manage', 'topic.supervise', 'meeting.approve'],
  DISTRICT_ADMIN: [
    ...STAFF_ADMIN,
    'partyOrg.manage',
    'topic.supervise',
    'issue.configure',
    'apiKey.manage',
    'procedure.manage',
    'stats.exclude',
    'meeting.approve',
    'meetingType.manage',
    'disclosure.configure',
    'topicCategory.manage',
  ],
  API_CLIENT: ['issue.read', 'issue.report'],
  UNVERIFIED_RESIDENT: ['issue.raise'],
  CENTRAL_HOUSEHOLD: ['issue.read', 'issue.handle', 'topic.read'],
  CONTACT_KEEPER: ['issue.raiseFor'],
} as const satisfies Record<TRole, readonly TPermission[]>;

/** Permissions that belong to a body (a ballot of the owners' committee), not to a place. */
export const BODY_SCOPED: readonly TPermission[] = ['vote.cast'];
