'use server';
import { command, say } from '@/features/shared/command';
import { createCategory, renameCategory, retireCategory } from '@/server/consultation/categories';
import { addItem, createList, retireItem } from '@/server/consultation/lists';
import { publishList } from '@/server/consultation/publish';
import { linkTopic, setTopicCategory } from '@/server/consultation/topic-links';
import * as S from './schemas';

// Topic categories and the consultation list (decision 072). The list is drawn up by those who manage the
// community's topics (topic.manage); a district's own categories by its administrator (topicCategory.manage).
// Each use case checks the exact place.

export const createListAction = command({
  who: 'topic.manage',
  input: S.ZCreateList,
  run: (by, { communityId, year }) => createList(by, communityId, year),
  done: () => say('consultation.admin', 'created'),
  refresh: true,
});

export const addItemAction = command({
  who: 'topic.manage',
  input: S.ZAddItem,
  run: (by, { listId, when, description, ...item }) => addItem(by, listId, { ...item, ...when, description: description ?? '' }),
  done: () => say('consultation.admin', 'added'),
  refresh: true,
});

export const retireItemAction = command({
  who: 'topic.manage',
  input: S.ZRetireItem,
  run: (by, { itemId }) => retireItem(by, itemId),
  done: () => say('consultation.admin', 'retired'),
  refresh: true,
});

export const publishListAction = command({
  who: 'topic.manage',
  input: S.ZPublishList,
  run: (by, { listId, lockVersion }) => publishList(by, listId, lockVersion),
  done: () => say('consultation.admin', 'published'),
  refresh: true,
});

export const topicCategoryAction = command({
  who: 'topic.manage',
  input: S.ZTopicCategory,
  run: (by, { topicId, categoryId }) => setTopicCategory(by, topicId, categoryId),
  done: () => say('consultation.topic', 'saved'),
  refresh: true,
});

export const linkTopicAction = command({
  who: 'topic.manage',
  input: S.ZLinkTopic,
  run: (by, { topicId, itemId }) => linkTopic(by, topicId, itemId),
  done: () => say('consultation.topic', 'saved'),
  refresh: true,
});

export const addCategoryAction = command({
  who: 'topicCategory.manage',
  input: S.ZAddCategory,
  run: (by, { districtId, ...names }) => createCategory(by, districtId, names),
  done: () => say('consultation.categories', 'added'),
  refresh: true,
});

export const renameCategoryAction = command({
  who: 'topicCategory.manage',
  input: S.ZRenameCategory,
  run: (by, { id, ...names }) => renameCategory(by, id, names),
  done: () => say('consultation.categories', 'saved'),
  refresh: true,
});

export const retireCategoryAction = command({
  who: 'topicCategory.manage',
  input: S.ZRetireCategory,
  run: (by, { id }) => retireCategory(by, id),
  done: () => say('consultation.categories', 'saved'),
  refresh: true,
});
