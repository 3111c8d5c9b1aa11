import { beforeAll, describe, expect, test } from 'vitest';
import { loadActor } from '@/server/auth/actor';
import { openMotion } from '@/server/topics/motions';
import { getMeetingView } from '@/server/meetings/read-meetings';
import { createMeeting } from '../../factories/meetings';
import { ensureProcedures } from '@/server/topics/procedures';
import { createTopicWithHistory } from '../../factories/topics';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssueForViewer } from '@/server/issues/read-issues';
import { assignContact, endContact } from '@/server/party/contact-chain';
import { listKeptHouseholds, raiseIssueFor, suggestFor } from '@/server/party/contact-households';
import { contactChainForAdmin } from '@/server/party/contact-chain-read';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { addPartyPosition, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { communityByCode } from '../../factories/territory';
import { byUser, TODAY } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

const pw = 'pass-word-1';

/**
 * A compound of Jinyang with a branch; its secretary; a building head of building 1; a party-member household (h1) whose
 * member has an account; an elderly household without an account (h2); a household whose resident has one (h3); a household
 * nobody keeps (h4); and a household of another compound, outside the branch.
 */
async function chainWorld() {
  const db = testDb();
  await ensureIssueCategories(db);
  const community = await communityByCode(db, '510107009003');
  const names = new NameSource(51);
  const c = await createPopulatedCompound(db, names, {
    communityId: community.id,
    name: '联系小区',
    buildings: [1, 2].map((n) => ({ name: `${n}栋`, floors: 2, perFloor: 3, areasCentiM2: [9000] })),
  });
  const other = await createPopulatedCompound(db, names, {
    communityId: community.id,
    name: '隔壁小区',
    buildings: [{ name: '1栋', floors: 1, perFloor: 1, areasCentiM2: [9000] }],
  });
  const branch = await createPartyOrg(db, {
    kind: 'COMPOUND_BRANCH',
    name: '联系小区党支部',
    communityId: community.id,
    compoundId: c.compound.id,
  });
  const [h0, h1, h2, h3, h4] = c.households as [(typeof c.households)[0], ...(typeof c.households)[0][]];
  const secretaryPerson = await db.person.create({ data: { name: '支部书记甲', phone: '13900051001' } });
  await addPartyPosition(db, { partyOrgId: branch.id, personId: secretaryPerson.id, position: 'SECRETARY', startsOn: '2024-01-01' });
  const secretary = await createUser(db, { phone: '13900051001', password: pw, personId: secretaryPerson.id, verified: true });
  const head = await createStaff(db, {
    name: '楼栋长乙',
    phone: '13900051002',
    password: pw,
    role: 'BUILDING_HEAD',
    placeLevel: 'BUILDING',
    placeId: h0!.buildingId,
  });
  const member = c.owners[1]!;
  await registerPartyMember(db, { personId: member.id, partyOrgId: branch.id });
  const memberUser = await createVerifiedResident(db, { personId: member.id, phone: member.phone!, password: pw, householdId: h1!.id });
  const neighbour = await createVerifiedResident(db, {
    personId: c.owners[3]!.id,
    phone: c.owners[3]!.phone!,
    password: pw,
    householdId: h3!.id,
  });
  const category = await db.issueCategory.findFirstOrThrow({ where: { districtId: null }, orderBy: { id: 'asc' } });
  return {
    db,
    branch,
    compound: c.compound,
    h: { h0: h0!, h1: h1!, h2: h2!, h3: h3!, h4: h4!, outside: other.households[0]! },
    users: { secretary, head, memberUser, neighbour },
    headPersonId: (await db.user.findUniqueOrThrow({ where: { id: head.id } })).personId,
    category,
    by: {
      secretary: await byUser(secretary.id, '支部书记甲'),
      member: async () => byUser(memberUser.id, member.name),
      neighbour: await byUser(neighbour.id, '邻居'),
    },
  };
}

let w: Awaited<ReturnType<typeof chainWorld>>;
beforeAll(async () => {
  w = await chainWorld();
});

const issue = (title: string) => ({ categoryId: w.category.id, title, description: `${title}，请帮忙`, idempotencyKey: `k-${title}` });

describe('the contact chain of a branch', () => {
  test('the secretary links officer → building head → party household → resident household; the same link twice at once: one', async () => {
    const { by, branch, h, users } = w;
    const secretaryPerson = (await w.db.user.findUniqueOrThrow({ where: { id: users.secretary.id } })).personId;
    await assignContact(by.secretary, {
      partyOrgId: branch.id,
      kind: 'OFFICER_TO_BUILDING_HEAD',
      keeperId: secretaryPerson,
      keptId: w.headPersonId,
      startsOn: TODAY,
    });
    await assignContact(by.secretary, {
      partyOrgId: branch.id,
      kind: 'BUILDING_HEAD_TO_PARTY_HOUSEHOLD',
      keeperId: w.headPersonId,
      keptId: h.h1.id,
      startsOn: TODAY,
    });
    const before = (await w.db.user.findUniqueOrThrow({ where: { id: users.memberUser.id } })).authVersion;
    const twice = await Promise.all(
      [1, 2].map(() =>
        refusal(
          assignContact(by.secretary, {
            partyOrgId: branch.id,
            kind: 'PARTY_HOUSEHOLD_TO_RESIDENT',
            keeperId: h.h1.id,
            keptId: h.h2.id,
            startsOn: TODAY,
          }),
        ),
      ),
    );
    expect(twice.sort()).toEqual(['contact.duplicate', 'no refusal']);
    expect(await w.db.contactLink.count({ where: { keeperHouseholdId: h.h1.id, keptHouseholdId: h.h2.id, endsOn: null } })).toBe(1);
    await assignContact(by.secretary, {
      partyOrgId: branch.id,
      kind: 'PARTY_HOUSEHOLD_TO_RESIDENT',
      keeperId: h.h1.id,
      keptId: h.h3.id,
      startsOn: '2024-01-01',
    });
    // The keeper household's resident holds the derived role at the kept households' building, bumped by trigger.
    expect((await w.db.user.findUniqueOrThrow({ where: { id: users.memberUser.id } })).authVersion).toBeGreaterThan(before);
    const actor = await loadActor(users.memberUser.id);
    expect(actor.grants.filter((g) => g.role === 'CONTACT_KEEPER').map((g) => g.place)).toContainEqual({
      level: 'building',
      id: h.h2.buildingId,
    });
  });

  test('the branch page of the chain: its secretary sees the links and whom to offer; a resident is refused', async () => {
    const chain = await contactChainForAdmin(w.by.secretary, w.branch.id);
    expect(chain?.links.map((l) => l.kind)).toEqual([
      'OFFICER_TO_BUILDING_HEAD',
      'BUILDING_HEAD_TO_PARTY_HOUSEHOLD',
      'PARTY_HOUSEHOLD_TO_RESIDENT',
      'PARTY_HOUSEHOLD_TO_RESIDENT',
    ]);
    expect(chain?.buildingHeads.map((p) => p.name)).toEqual(['楼栋长乙']);
    expect(chain?.partyHouseholds.map((h) => h.id)).toEqual([w.h.h1.id]);
    expect(chain?.households.map((h) => h.id)).not.toContain(w.h.outside.id);
    expect(await refusal(contactChainForAdmin(w.by.neighbour, w.branch.id))).toBe('auth.forbidden');
  });

  test('refused: a household outside the branch, a keeper household with no party member, a resident keeping links, the same side twice', async () => {
    const { by, branch, h } = w;
    const link = (keeperId: number, keptId: number) => ({
      partyOrgId: branch.id,
      kind: 'PARTY_HOUSEHOLD_TO_RESIDENT' as const,
      keeperId,
      keptId,
      startsOn: TODAY,
    });
    expect(await refusal(assignContact(by.secretary, link(h.h1.id, h.outside.id)))).toBe('contact.outsideBranch');
    expect(await refusal(assignContact(by.secretary, link(h.h3.id, h.h4.id)))).toBe('contact.notPartyHousehold');
    expect(await refusal(assignContact(by.neighbour, link(h.h1.id, h.h4.id)))).toBe('auth.forbidden');
    expect(await refusal(assignContact(by.secretary, link(h.h1.id, h.h1.id)))).toBe('contact.sameSides');
    // A building head of a building outside the branch's place is nobody the branch keeps in touch with (review).
    const farHead = await createStaff(w.db, {
      name: '别处楼栋长',
      phone: '13900051019',
      password: pw,
      role: 'BUILDING_HEAD',
      placeLevel: 'BUILDING',
      placeId: h.outside.buildingId,
    });
    const secretaryPerson = (await w.db.user.findUniqueOrThrow({ where: { id: w.users.secretary.id } })).personId;
    const officerLink = { partyOrgId: branch.id, kind: 'OFFICER_TO_BUILDING_HEAD' as const, keeperId: secretaryPerson, startsOn: TODAY };
    expect(await refusal(assignContact(by.secretary, { ...officerLink, keptId: farHead.personId }))).toBe('contact.notBuildingHead');
    // The database itself refuses a link whose households lie outside the branch, whoever writes.
    await expect(
      w.db.contactLink.create({
        data: {
          kind: 'PARTY_HOUSEHOLD_TO_RESIDENT',
          partyOrgId: branch.id,
          keeperHouseholdId: h.h1.id,
          keptHouseholdId: h.outside.id,
          startsOn: new Date(),
        },
      }),
    ).rejects.toThrow(/ContactLink_in_branch/);
  });

  test('a keeper records an issue for a kept household: it is theirs, marked as recorded by the keeper; not for others', async () => {
    const { h, users } = w;
    const member = await w.by.member();
    const forElder = await raiseIssueFor(member, { ...issue('楼道灯坏了'), householdId: h.h2.id });
    const stored = await w.db.issue.findUniqueOrThrow({ where: { id: forElder.id }, include: { followers: true } });
    expect(stored).toMatchObject({
      channel: 'CONTACT',
      enteredById: users.memberUser.id,
      householdId: h.h2.id,
      authorUserId: null,
      anonymous: false,
    });
    expect(stored.reporterName).toContain('住户');
    expect(stored.followers.map((f) => f.userId)).toEqual([users.memberUser.id]);
    // A kept resident with an account is the author and follows it.
    const forNeighbour = await raiseIssueFor(member, { ...issue('水管漏水'), householdId: h.h3.id });
    expect(await w.db.issue.findUniqueOrThrow({ where: { id: forNeighbour.id } })).toMatchObject({
      authorUserId: users.neighbour.id,
      enteredById: users.memberUser.id,
    });
    const view = await getIssueForViewer(member, forElder.id);
    expect(view?.recordedBy).toBe((await w.db.person.findFirstOrThrow({ where: { user: { id: users.memberUser.id } } })).name);
    // Not kept: a household of the same building, and one outside.
    expect(await refusal(raiseIssueFor(member, { ...issue('别家的事'), householdId: h.h4.id }))).toBe('contact.notKept');
    expect(await refusal(raiseIssueFor(w.by.neighbour, { ...issue('我不是联系人'), householdId: h.h2.id }))).toBe('contact.notKept');
  });

  test('the keeper sees the kept households and their open issues, never an anonymous one; an ended link shows nothing', async () => {
    const { h } = w;
    const named = await raiseIssue(w.by.neighbour, {
      ...issue('电梯异响'),
      compoundId: w.compound.id,
      buildingId: h.h3.buildingId,
      anonymous: false,
    });
    const secret = await raiseIssue(w.by.neighbour, {
      ...issue('邻居噪音'),
      compoundId: w.compound.id,
      buildingId: h.h3.buildingId,
      anonymous: true,
    });
    const member = await w.by.member();
    const kept = await listKeptHouseholds(member);
    expect(kept.map((k) => k.id).sort()).toEqual([h.h2.id, h.h3.id].sort());
    const titles = kept.flatMap((k) => k.issues.map((i) => i.id));
    expect(titles).toContain(named.id);
    expect(titles).not.toContain(secret.id);
    expect(JSON.stringify(kept)).not.toContain('邻居噪音');
    const link = await w.db.contactLink.findFirstOrThrow({ where: { keeperHouseholdId: h.h1.id, keptHouseholdId: h.h3.id } });
    // Ended on a past day (a term ending today still holds today, like every term here).
    const ends = await Promise.all([1, 2].map(() => refusal(endContact(w.by.secretary, { linkId: link.id, endsOn: '2024-06-30' }))));
    expect(ends.sort()).toEqual(['contact.alreadyEnded', 'no refusal']);
    const after = await w.by.member();
    expect((await listKeptHouseholds(after)).map((k) => k.id)).toEqual([h.h2.id]);
    expect(await refusal(raiseIssueFor(after, { ...issue('已不联系'), householdId: h.h3.id }))).toBe('contact.notKept');
  });
});

describe('a suggestion on a kept household’s behalf (代为反映 on a topic)', () => {
  test('recorded for the household, marked as entered by the keeper; refused for others, other places and closed steps', async () => {
    const { db, h, users } = w;
    await ensureProcedures(db);
    const topicAt = (title: string, stepIndex: number, compoundId?: number) =>
      createTopicWithHistory(db, {
        procedureCode: 'SEVEN_STEP',
        title,
        description: `${title}的说明`,
        communityId: w.compound.communityId,
        compoundId,
        by: { userId: users.secretary.id, label: '支部书记甲' },
        stepIndex,
        createdAt: new Date(),
        stepDueAt: new Date(Date.now() + 10 * 86_400_000),
      });
    const ideas = await topicAt('楼道堆物清理', 1, w.compound.id);
    const member = await w.by.member();
    // The kept household h2 has no account: the suggestion is its household's, entered by the keeper.
    expect((await listKeptHouseholds(member)).find((k) => k.id === h.h2.id)?.topics.map((t) => t.id)).toContain(ideas.id);
    const made = await suggestFor(member, { householdId: h.h2.id, topicId: ideas.id, stance: 'SUPPORT', body: '老人说楼道太窄，支持清理' });
    const stored = await db.suggestion.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored).toMatchObject({ authorUserId: null, enteredById: users.memberUser.id, anonymous: false, stance: 'SUPPORT' });
    // Named as the household's resident (or its address when nobody lives there on record), never as the keeper.
    const resident = await db.residency.findFirst({
      where: { householdId: h.h2.id, until: null },
      orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }],
      include: { person: true },
    });
    expect(stored.onBehalfName).toBe(resident?.person.name ?? expect.stringContaining('住户'));
    const event = await db.topicEvent.findFirstOrThrow({ where: { topicId: ideas.id, type: 'SUGGESTION' }, orderBy: { id: 'desc' } });
    expect(event.actorLabel).toMatch(/代.*记录/);
    expect(await db.auditLog.count({ where: { action: 'topic.suggest', entityId: String(made.id) } })).toBe(1);

    const input = { householdId: h.h2.id, topicId: ideas.id, stance: 'OPPOSE' as const, body: '不同意' };
    // Not kept (h4), a keeper who keeps nobody, a topic past its ideas step, a topic of another compound: nothing written.
    const before = await db.suggestion.count();
    expect(await refusal(suggestFor(member, { ...input, householdId: h.h4.id }))).toBe('contact.notKept');
    expect(await refusal(suggestFor(w.by.neighbour, input))).toBe('contact.notKept');
    const plan = await topicAt('停车划线', 2, w.compound.id);
    expect(await refusal(suggestFor(member, { ...input, topicId: plan.id }))).toBe('topic.notNow');
    const elsewhere = await topicAt(
      '隔壁小区绿化',
      1,
      h.outside.buildingId ? (await db.building.findUniqueOrThrow({ where: { id: h.outside.buildingId } })).compoundId : undefined,
    );
    expect(await refusal(suggestFor(member, { ...input, topicId: elsewhere.id }))).toBe('contact.notKept');
    expect(await db.suggestion.count()).toBe(before);
  });
});

describe("双报到 in a party members' roster", () => {
  test("a dual-registered member (work unit and community) is on the roster of a party members' motion once", async () => {
    const { db, branch, users } = w;
    await ensureProcedures(db);
    const dual = await db.person.create({ data: { name: '双报到党员', phone: '13900051009' } });
    await registerPartyMember(db, { personId: dual.id, partyOrgId: branch.id, dualRegistered: true, workUnit: '区人民医院' });
    // They also serve on the branch's committee: a post is not a second membership.
    await addPartyPosition(db, { partyOrgId: branch.id, personId: dual.id, position: 'COMMITTEE_MEMBER', startsOn: '2024-01-01' });
    const t = await createTopicWithHistory(db, {
      procedureCode: 'COURTYARD_ROADSHOW',
      title: '党员大会审议',
      description: 'x',
      communityId: branch.communityId!,
      by: { userId: users.secretary.id, label: '支部书记甲' },
      stepIndex: 3,
      createdAt: new Date(),
      stepDueAt: new Date(),
    });
    const m = await db.$transaction((tx) =>
      openMotion(tx, { ...t, assemblyMatter: null }, t.stepIndex, { kind: 'PARTY_MEMBERS' }, { kind: 'PARTY_MEMBERS_MEETING' }),
    );
    const roster = (await db.motion.findUniqueOrThrow({ where: { id: m.id } })).roster as number[];
    expect(roster.filter((p) => p === dual.id)).toHaveLength(1);
    expect(new Set(roster).size).toBe(roster.length);
  });
});

describe("party members read their organisation's meetings", () => {
  test("a party day's circulated minutes: shown to the community's party members, not to other residents", async () => {
    const { db, branch, users } = w;
    const meeting = await createMeeting(db, {
      kind: 'PARTY_DAY',
      title: '主题党日',
      communityId: branch.communityId!,
      startsAt: new Date('2026-11-01T01:00:00Z'),
      minutes: 90,
      location: '党群服务中心',
      createdById: users.secretary.id,
    });
    await db.minutes.create({
      data: { meetingId: meeting.id, body: '学习并讨论楼道扶手加固', status: 'CIRCULATED', updatedById: users.secretary.id },
    });
    expect((await getMeetingView(await w.by.member(), meeting.id))?.minutes?.body).toBe('学习并讨论楼道扶手加固');
    expect((await getMeetingView(w.by.neighbour, meeting.id))?.minutes).toBeNull();
  });
});
