import { z } from 'zod';
import { ZId, ZIdOf, ZOptional, ZText } from '@/features/shared/forms';

// Forms of topic categories and the consultation list (decision 072). Category, source and planned time start
// unchosen: a category feeds the dashboards' figures (issue 20, item 8).

const ZCategoryId = ZIdOf('consultation.categoryMissing');

export const ZCreateList = z.object({
  communityId: ZId,
  year: z.coerce
    .number({ message: 'consultation.year' })
    .int('consultation.year')
    .min(2000, 'consultation.year')
    .max(2100, 'consultation.year'),
});

/** "" (not set), "Q1"–"Q4" or "M1"–"M12". */
const ZWhen = z
  .string()
  .regex(/^(|Q[1-4]|M([1-9]|1[0-2]))$/, 'consultation.when')
  .transform((v) => ({
    quarter: v.startsWith('Q') ? Number(v.slice(1)) : null,
    month: v.startsWith('M') ? Number(v.slice(1)) : null,
  }));

export const ZAddItem = z.object({
  listId: ZId,
  title: ZText(60),
  description: ZOptional(500),
  categoryId: ZCategoryId,
  when: z.preprocess((v) => v ?? '', ZWhen),
  source: z.enum(['RESIDENTS', 'COMMITTEES', 'HIGHER', 'OTHER'], { message: 'field.choice' }),
});

export const ZRetireItem = z.object({ itemId: ZId });
export const ZPublishList = z.object({ listId: ZId, lockVersion: z.coerce.number().int().min(0) });

export const ZTopicCategory = z.object({ topicId: ZId, categoryId: ZCategoryId });
export const ZLinkTopic = z.object({
  topicId: ZId,
  itemId: z.preprocess((v) => (v === '' || v === undefined ? null : v), ZId.nullable()),
});

export const ZCategoryNames = z.object({ nameZh: ZText(20), nameEn: ZText(40) });
export const ZAddCategory = ZCategoryNames.extend({ districtId: ZId });
export const ZRenameCategory = ZCategoryNames.extend({ id: ZId });
export const ZRetireCategory = z.object({ id: ZId });
