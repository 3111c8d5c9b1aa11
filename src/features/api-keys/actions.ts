'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { issueApiKey, revokeApiKey } from '@/server/open311/api-keys';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZIssue = z.object({ districtId: ZId, name: z.string().trim().min(2, 'field.keyName').max(60, 'field.keyName') });
const ZRevoke = z.object({ districtId: ZId, keyId: ZId });
const district = async ({ districtId }: { districtId: number }) => ({ district: districtId });

/** The key comes back once, in the result; it is never shown again. */
export const issueApiKeyAction = command({
  who: 'apiKey.manage',
  input: ZIssue,
  target: district,
  run: (by, { districtId, name }) => issueApiKey(by, districtId, name),
  done: async ({ key }) => ({ ...(await say('apiKeys', 'issued')), data: { key } }),
  refresh: true,
});

export const revokeApiKeyAction = command({
  who: 'apiKey.manage',
  input: ZRevoke,
  target: district,
  run: (by, { districtId, keyId }) => revokeApiKey(by, districtId, keyId),
  done: () => say('apiKeys', 'revoked'),
  refresh: true,
});
