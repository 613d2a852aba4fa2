'use strict';
// The contract's codes with their Chinese names, for filters and labels.
const Codes = {
  states: { accepted: '已受理', dispatched: '已派单', in_progress: '处置中', resolved: '已反馈', follow_up: '回访中', closed: '已办结', returned: '已退回', escalated: '已升级' },
  colours: { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色' },
  categories: {
    noise: '噪声扰民', parking: '停车', street_vending: '占道经营', illegal_construction: '违章搭建', property: '物业管理', neighbour_dispute: '邻里纠纷',
    sanitation: '环境卫生', facilities: '公共设施', safety: '安全隐患', assistance: '民生帮扶', consultation: '政策咨询与办事', suggestion: '意见建议',
  },
};
