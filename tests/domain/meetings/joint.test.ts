import { describe, expect, test } from 'vitest';
import { chairOf, jointQuorum, noticeFloor } from '@/domain/meetings/joint';

describe('each host its own quorum: more than half of its frozen members', () => {
  test.each([
    // expected, present, least, met
    [1, 0, 1, false],
    [1, 1, 1, true],
    [2, 1, 2, false],
    [2, 2, 2, true],
    [3, 1, 2, false],
    [3, 2, 2, true],
    [4, 2, 3, false],
    [4, 3, 3, true],
    [7, 3, 4, false],
    [7, 4, 4, true],
    [0, 0, null, null],
  ])('%i members, %i present → least %s, met %s', (expected, present, least, met) => {
    const [h] = jointQuorum([{ hostId: 1, expected, present }]).hosts;
    expect(h).toEqual({ hostId: 1, expected, present, least, met });
  });
});

describe('a joint meeting is quorate when every host is', () => {
  test.each([
    [
      [
        [1, 1],
        [7, 4],
        [3, 2],
      ],
      true,
    ],
    [
      [
        [1, 1],
        [7, 3],
        [3, 2],
      ],
      false,
    ],
    [
      [
        [1, 0],
        [7, 7],
        [3, 3],
      ],
      false,
    ],
    [
      [
        [0, 0],
        [7, 4],
      ],
      true,
    ],
    [[], false],
  ] as [number[][], boolean][])('%j → %s', (hosts, allMet) => {
    expect(jointQuorum(hosts.map(([expected, present], i) => ({ hostId: i + 1, expected: expected!, present: present! }))).allMet).toBe(
      allMet,
    );
  });
});

describe("the host's chair who signs off the minutes", () => {
  test.each([
    [
      [
        { personId: 1, position: 'MEMBER' },
        { personId: 2, position: 'CHAIR' },
      ],
      'body',
      [2],
    ],
    [
      [
        { personId: 1, position: 'VICE_CHAIR' },
        { personId: 2, position: 'MEMBER' },
      ],
      'body',
      [1],
    ],
    [[{ personId: 1, position: 'SECRETARY' }], 'body', []],
    [
      [
        { personId: 3, position: 'DEPUTY_SECRETARY' },
        { personId: 4, position: 'SECRETARY' },
      ],
      'partyOrg',
      [4],
    ],
    [[{ personId: 3, position: 'DEPUTY_SECRETARY' }], 'partyOrg', [3]],
    [[{ personId: 5, position: 'COMMITTEE_MEMBER' }], 'partyOrg', []],
  ] as const)('%j of a %s → %j', (positions, kind, chairs) => {
    expect(chairOf([...positions], kind)).toEqual(chairs);
  });
});

test.each([
  ['OWNERS_ASSEMBLY', 15],
  ['OWNERS_COMMITTEE', 7],
  ['CONSULTATION', 0],
] as const)("a type based on %s gives at least %i days' notice", (kind, days) => {
  expect(noticeFloor(kind)).toBe(days);
});

test("a meeting of a district's type carries the type's name in the .ics feed (CATEGORIES)", async () => {
  const { icsFeed } = await import('@/domain/meetings/ical');
  const feed = icsFeed({
    name: '棠湖社区',
    now: new Date('2026-12-01T00:00:00Z'),
    from: '2026-01-01',
    to: '2027-12-31',
    meetings: [
      {
        id: 1,
        seriesId: null,
        start: { date: '2026-12-20', minute: 1140 },
        minutes: 90,
        cancelled: false,
        title: '加装电梯',
        location: '党群服务站',
        label: '恳谈会',
      },
      {
        id: 2,
        seriesId: null,
        start: { date: '2026-12-21', minute: 1140 },
        minutes: 90,
        cancelled: false,
        title: '议事会',
        location: '二楼',
      },
    ],
    series: [],
    meetingUrl: (id) => `https://yishi.example/meetings/${id}`,
    seriesUrl: 'https://yishi.example/places/c/1/meetings',
  });
  expect(feed.match(/CATEGORIES:恳谈会/g)).toHaveLength(1);
});
