import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalisePhone } from '@/domain/shared/phone';
import { confirmRegistration, requestRegistrationCode } from '@/server/accounts/register-resident';
import type { TBy } from '@/server/accounts/by';
import { loadActor } from '@/server/auth/actor';
import { today } from '@/server/today';
import { createPopulatedCompound } from '../../factories/compound';
import { createStaff } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { testDb } from '../db';

export const TODAY = today();
/** China's date `days` from today ("2026-12-15"): due dates must not be in the past. */
export const inDays = (days: number) => today(new Date(Date.now() + days * 86_400_000));

export async function byUser(userId: number, label = `user:${userId}`): Promise<TBy> {
  return { userId, label, actor: await loadActor(userId), today: TODAY };
}

/** Two compounds in two streets of two districts, with staff at each level. */
export async function world() {
  const db = testDb();
  const names = new NameSource(99);
  const jinyang = await communityByCode(db, '510107009003'); // Wuhou, Jinyang street
  const tanghu = await communityByCode(db, '510116001001'); // Shuangliu, Dongsheng street
  const a = await createPopulatedCompound(db, names, {
    communityId: jinyang.id,
    name: '北苑小区',
    buildings: [{ name: '1栋', floors: 2, perFloor: 2, areasCentiM2: [8950] }],
  });
  const b = await createPopulatedCompound(db, names, {
    communityId: tanghu.id,
    name: '欧城花园',
    buildings: [{ name: '1栋', floors: 2, perFloor: 2, areasCentiM2: [10000] }],
  });
  const pw = 'staff-pass-1';
  const staff = {
    jinyangSecretary: await createStaff(db, {
      name: '刘书记',
      phone: '13900009001',
      password: pw,
      role: 'COMMUNITY_SECRETARY',
      placeLevel: 'COMMUNITY',
      placeId: jinyang.id,
    }),
    jinyangStreet: await createStaff(db, {
      name: '晋阳街道干部',
      phone: '13900009002',
      password: pw,
      role: 'STREET_STAFF',
      placeLevel: 'STREET',
      placeId: jinyang.streetId,
    }),
    dongshengStreet: await createStaff(db, {
      name: '东升街道干部',
      phone: '13900009003',
      password: pw,
      role: 'STREET_STAFF',
      placeLevel: 'STREET',
      placeId: tanghu.streetId,
    }),
    gridWorker: await createStaff(db, {
      name: '网格员',
      phone: '13900009004',
      password: pw,
      role: 'GRID_WORKER',
      placeLevel: 'COMMUNITY',
      placeId: jinyang.id,
    }),
  };
  return { db, jinyang, tanghu, a, b, staff };
}

/**
 * Registers the way a resident does (decision 030): asks for a code, reads it from the code sender's outbox
 * (YISHI_CODE_OUTBOX, a file of this test run) and enters it. Returns what step 2 answered.
 */
export async function registerWithCode(input: { name: string; phone: string; password: string; compoundId: number }, client = '10.77.0.1') {
  process.env.YISHI_CODE_OUTBOX ??= path.join(mkdtempSync(path.join(os.tmpdir(), 'yishi-codes-')), 'codes.jsonl');
  await requestRegistrationCode(input, client);
  const phone = normalisePhone(input.phone)!;
  const sent = readFileSync(process.env.YISHI_CODE_OUTBOX, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { phone: string; purpose: string; code: string });
  const code = sent.filter((s) => s.phone === phone && s.purpose === 'registration').at(-1)!.code;
  return (await confirmRegistration({ phone, code }, client)).outcome;
}
