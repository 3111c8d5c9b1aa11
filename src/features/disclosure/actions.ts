'use server';
import { command, say } from '@/features/shared/command';
import { copyDefaultCatalogue, createItem, retireItem } from '@/server/disclosure/catalogue';
import { attachBoardPhoto, recordEvent } from '@/server/disclosure/events';
import { publishSlot, waiveSlot } from '@/server/disclosure/file';
import { refuse } from '@/server/errors';
import * as S from './schemas';

// The disclosure catalogue's commands (issue 23 part D, decision 070). The district keeps the catalogue
// (disclosure.configure); a slot is published, waived or proved by one who discloses the item at its place: the use case
// checks the place and the discloser (a committee's chair, a firm's staff or the community's staff).

export const createItemAction = command({
  who: 'disclosure.configure',
  input: S.ZItem,
  run: (by, { districtId, bodyTemplate, ...item }) => createItem(by, districtId, { ...item, bodyTemplate: bodyTemplate ?? '' }),
  done: () => say('disclosure.catalogue', 'added'),
  refresh: true,
});

export const retireItemAction = command({
  who: 'disclosure.configure',
  input: S.ZRetire,
  run: (by, { itemId }) => retireItem(by, itemId),
  done: () => say('disclosure.catalogue', 'retiredDone'),
  refresh: true,
});

export const copyDefaultAction = command({
  who: 'disclosure.configure',
  input: S.ZCopyDefault,
  run: (by, { districtId, startsOn }) => copyDefaultCatalogue(by, districtId, startsOn),
  done: () => say('disclosure.catalogue', 'copied'),
  refresh: true,
});

export const publishSlotAction = command({
  who: 'disclosure.publish',
  input: S.ZPublish,
  run: (by, { slot, title, body }) => publishSlot(by, slot, { title, body }),
  done: async ({ noticeId }) => ({ ...(await say('disclosure.slot', 'published')), data: { noticeId } }),
  refresh: true,
});

export const waiveSlotAction = command({
  who: 'disclosure.publish',
  input: S.ZWaive,
  run: (by, { slot, reason }) => waiveSlot(by, slot, reason),
  done: () => say('disclosure.slot', 'waived'),
  refresh: true,
});

export const boardPhotoAction = command({
  who: 'disclosure.publish',
  input: S.ZPhoto,
  files: { photo: 'photo' },
  run: (by, { slot }, ctx) => attachBoardPhoto(by, slot, ctx.files.photo?.[0]?.bytes ?? refuse('photo.empty')),
  done: () => say('disclosure.slot', 'photoDone'),
  refresh: true,
});

export const recordEventAction = command({
  who: 'disclosure.publish',
  input: S.ZEvent,
  run: (by, { target, occurredOn, description, idempotencyKey }) => {
    const [itemId, communityId, compoundId] = target.split(':').map(Number) as [number, number, number];
    return recordEvent(by, { itemId, communityId, compoundId: compoundId || null, occurredOn, description, idempotencyKey });
  },
  done: () => say('disclosure.event', 'recorded'),
  refresh: true,
});
