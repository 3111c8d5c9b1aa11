import type { TCadence } from '@/domain/disclosure/slots';
import type { TDiscloser } from '@/domain/disclosure/discloser';

export type TDefaultItem = {
  category: 'PARTY' | 'RESIDENTS' | 'FINANCE';
  discloser: TDiscloser;
  cadence: TCadence;
  withinDays?: number;
  graceDays?: number;
  name: string;
  titleTemplate: string;
  bodyTemplate: string;
  periodDays?: number;
};

const body = (what: string) =>
  `根据党务、居务、财务“三公开”制度，现将{{community}}{{compound}}${what}公开如下：\n\n（请填写具体内容）\n\n公示期内如有异议，请在本公告下提出或到社区党群服务中心反映。`;

/**
 * The default catalogue of 三务公开 (decision 070): the common items of a community's party, residents' and financial
 * affairs, and of a compound's owners' committee and property firm. A new district copies it, then changes it.
 */
export const DEFAULT_CATALOGUE: readonly TDefaultItem[] = [
  // 党务
  {
    category: 'PARTY',
    discloser: 'COMMUNITY',
    cadence: 'EVENT',
    withinDays: 7,
    name: '党组织换届选举',
    titleTemplate: '{{community}}党组织换届选举结果公示',
    bodyTemplate: body('党组织换届选举（{{event}}）结果'),
  },
  {
    category: 'PARTY',
    discloser: 'COMMUNITY',
    cadence: 'QUARTERLY',
    graceDays: 15,
    name: '党费收缴使用情况',
    titleTemplate: '{{community}}{{period}}党费收缴使用情况',
    bodyTemplate: body('{{period}}党费收缴、使用和管理情况'),
  },
  {
    category: 'PARTY',
    discloser: 'COMMUNITY',
    cadence: 'EVENT',
    withinDays: 7,
    name: '发展党员',
    titleTemplate: '{{community}}发展党员公示',
    bodyTemplate: body('发展党员（{{event}}）情况'),
  },
  {
    category: 'PARTY',
    discloser: 'COMMUNITY',
    cadence: 'YEARLY',
    graceDays: 31,
    name: '党组织年度工作计划及完成情况',
    titleTemplate: '{{community}}党组织{{period}}工作完成情况',
    bodyTemplate: body('党组织{{period}}工作计划及完成情况'),
  },
  {
    category: 'PARTY',
    discloser: 'COMMUNITY',
    cadence: 'QUARTERLY',
    graceDays: 10,
    name: '主题党日活动开展情况',
    titleTemplate: '{{community}}{{period}}主题党日活动开展情况',
    bodyTemplate: body('{{period}}主题党日活动开展情况'),
  },
  // 居务
  {
    category: 'RESIDENTS',
    discloser: 'COMMUNITY',
    cadence: 'EVENT',
    withinDays: 3,
    name: '居民会议决定事项',
    titleTemplate: '{{community}}居民会议决定事项公告',
    bodyTemplate: body('居民（代表）会议（{{event}}）决定事项'),
  },
  {
    category: 'RESIDENTS',
    discloser: 'COMMUNITY',
    cadence: 'QUARTERLY',
    graceDays: 10,
    name: '低保及救助对象',
    titleTemplate: '{{community}}{{period}}低保及救助对象公示',
    bodyTemplate: body('{{period}}最低生活保障及临时救助对象'),
  },
  {
    category: 'RESIDENTS',
    discloser: 'COMMUNITY',
    cadence: 'YEARLY',
    graceDays: 31,
    name: '居委会年度工作目标及完成情况',
    titleTemplate: '{{community}}居委会{{period}}工作完成情况',
    bodyTemplate: body('居民委员会{{period}}工作目标及完成情况'),
  },
  {
    category: 'RESIDENTS',
    discloser: 'COMMUNITY',
    cadence: 'MONTHLY',
    graceDays: 5,
    name: '为民服务事项办理情况',
    titleTemplate: '{{community}}{{period}}为民服务事项办理情况',
    bodyTemplate: body('{{period}}居民反映问题及为民服务事项办理情况'),
  },
  {
    category: 'RESIDENTS',
    discloser: 'OWNERS_COMMITTEE',
    cadence: 'QUARTERLY',
    graceDays: 10,
    name: '业委会工作情况',
    titleTemplate: '{{compound}}业主委员会{{period}}工作情况',
    bodyTemplate: body('业主委员会{{period}}工作情况'),
  },
  {
    category: 'RESIDENTS',
    discloser: 'PROPERTY_FIRM',
    cadence: 'YEARLY',
    graceDays: 31,
    name: '物业服务事项及标准',
    titleTemplate: '{{compound}}{{period}}物业服务事项、标准及收费',
    bodyTemplate: body('{{period}}物业服务事项、服务标准及收费标准'),
  },
  // 财务
  {
    category: 'FINANCE',
    discloser: 'COMMUNITY',
    cadence: 'QUARTERLY',
    graceDays: 10,
    name: '财务收支情况',
    titleTemplate: '{{community}}{{period}}财务收支情况',
    bodyTemplate: body('{{period}}财务收支情况'),
  },
  {
    category: 'FINANCE',
    discloser: 'COMMUNITY',
    cadence: 'QUARTERLY',
    graceDays: 10,
    name: '服务群众专项经费使用情况',
    titleTemplate: '{{community}}{{period}}服务群众专项经费使用情况',
    bodyTemplate: body('{{period}}服务群众专项经费使用情况'),
  },
  {
    category: 'FINANCE',
    discloser: 'PROPERTY_FIRM',
    cadence: 'QUARTERLY',
    graceDays: 15,
    name: '物业费收支情况',
    titleTemplate: '{{compound}}{{period}}物业费收支情况',
    bodyTemplate: body('{{period}}物业服务费收支情况'),
  },
  {
    category: 'FINANCE',
    discloser: 'OWNERS_COMMITTEE',
    cadence: 'EVENT',
    withinDays: 7,
    name: '专项维修资金使用',
    titleTemplate: '{{compound}}专项维修资金使用情况公示',
    bodyTemplate: body('专项维修资金使用（{{event}}）情况'),
  },
  {
    category: 'FINANCE',
    discloser: 'OWNERS_COMMITTEE',
    cadence: 'YEARLY',
    graceDays: 31,
    name: '公共收益收支情况',
    titleTemplate: '{{compound}}{{period}}公共收益收支情况',
    bodyTemplate: body('{{period}}共用部位经营等公共收益收支情况'),
  },
];
