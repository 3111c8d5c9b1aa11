/** Demo sign-ins printed by `npm start` and listed in the README. */
export const DEMO_LOGINS = {
  password: 'yishi-demo-2026',
  accounts: [
    { phone: '13900001001', label: '刘建华 — 晋阳社区党委书记 (community secretary, Wuhou / Jinyang)' },
    { phone: '13900002002', label: '周志强 — 棠湖社区党委书记 (community secretary, Shuangliu / Dongsheng)' },
    { phone: '13900002001', label: "王秀英 — 欧城花园党支部书记、业委会主任 (branch secretary, owners' committee chair, owner)" },
    { phone: '13900003001', label: '李东升 — 东升街道工作人员 (street staff, Dongsheng)' },
    { phone: '13900003002', label: '何晋阳 — 晋阳街道工作人员 (street staff, Jinyang)' },
    { phone: '13900004001', label: '陈双流 — 双流区管理员 (district admin, Shuangliu)' },
    { phone: '13900004002', label: '马武侯 — 武侯区管理员，管公开目录 (district admin, Wuhou: the disclosure catalogue)' },
    { phone: '13900006001', label: '罗网格 — 金沙社区网格员 (grid worker, Luzhou / Jinsha)' },
    {
      phone: '13900006002',
      label: '陈德明 — 金沙小区3栋楼栋长、3栋微网格党员中心户 (building head, S3; central household of its micro-grid)',
    },
    {
      phone: '13900006004',
      label: '江阳区管理员 — 泸州市江阳区管理员，建金沙社区的网格 (district admin, Luzhou / Jiangyang: Jinsha grids)',
    },
    { phone: '13900006003', label: '黄素芬 — 金沙小区3栋业主，已认证 (verified owner, S3 reporter)' },
    { phone: '13900009301', label: '吴秀兰 — 金沙小区党支部书记 (branch secretary, S3: hands the issue to the property firm)' },
    { phone: '13900009302', label: '周海涛 — 泸州金沙物业项目经理 (property firm staff, S3 handler after the hand-off)' },
    { phone: '13900009303', label: "杨国平 — 金沙小区业委会主任 (owners' committee chair, S3 co-handler)" },
    { phone: '13900009304', label: '刘淑珍 — 金沙小区3栋业主 (owner, answers the S3 building consultation)' },
    { phone: '13900001002', label: '张桂兰 — 北苑小区业主，已认证 (verified owner, councils member)' },
    { phone: '13900005001', label: '新来的居民 — 已注册未认证 (registered, not verified)' },
    { phone: '13900007001', label: '赵桂芳 — 龙躺梁社区党委书记 (community secretary, Yangquan / Longtangliang, S2 topic)' },
    { phone: '13900007002', label: '孙丽 — 龙躺梁小区业主，反映停车问题 (verified owner, S2 reporter)' },
    { phone: '13900007003', label: '钱明 — 龙躺梁小区业主，匿名反映 (verified owner, anonymous S2 reporter)' },
    { phone: '13900007004', label: "周建国 — 龙躺梁居民代表 (residents' representative, S2 stakeholder)" },
    {
      phone: '13900009101',
      label: '郭志刚 — 阳泉市安居物业项目经理 (property firm staff, Longtangliang: owns the bike-shed tasks, 我的任务)',
    },
    { phone: '13900008001', label: '王静 — 欧城物业客服主管 (property firm staff, Oucheng Garden, S4)' },
    { phone: '13900009401', label: '郝志刚 — 龙躺梁小区党支部书记，联系1号楼楼栋长 (branch secretary, contact chain)' },
    { phone: '13900009402', label: '田秀梅 — 龙躺梁1号楼楼栋长，联系党员户 (building head, contact chain)' },
    {
      phone: '13900009403',
      label: '党员户 — 龙躺梁1号楼双报到党员，联系王奶奶家并代为反映 (party-member household, records for a neighbour)',
    },
    { phone: '13900009501', label: '李红梅 — 欧城花园业主、小区党支部党员 (party member, Oucheng Garden: party members first)' },
    {
      phone: '13900009502',
      label: '赵建平 — 欧城花园业主，非党员 (verified owner, not a party member: sees a major matter after the party members)',
    },
    { phone: '13900008101', label: '巴州区管理员 — 巴中市巴州区 (district admin, Bazhong / Bazhou: party organisations)' },
    { phone: '13900009641', label: '蔡国强 — 鼓楼佳苑业主、院落议事会成员，已投票 (council member who voted: no reminder)' },
    {
      phone: '13900009642',
      label: '冯丽华 — 鼓楼佳苑业主、院落议事会成员，未投票 (council member: "vote closes soon" reminder, grouped inbox)',
    },
    {
      phone: '13900009661',
      label: '罗淑芳 — 金沙社区党委书记 (community secretary, Luzhou: mediation cases — the water leak agreed and followed up)',
    },
  ],
};
