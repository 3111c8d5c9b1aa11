'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { placeIntake } from '@/server/open311/intake';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');

/** Staff place a hotline request no compound was found for (decision 060); the use case checks the district. */
export const placeIntakeAction = command({
  who: 'issue.handle',
  input: z.object({ intakeId: ZId, compoundId: ZId }),
  run: (by, { intakeId, compoundId }) => placeIntake(by, intakeId, compoundId),
  done: ({ issueId }) => say('issues', 'intake.placed', { id: issueId }),
  refresh: true,
});
