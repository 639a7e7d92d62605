"""Error codes of performance."""

from yecai.errors import ErrorSpec

WRONG_STATE = ErrorSpec("WRONG_STATE", "考核周期当前状态不允许此操作", "The cycle's current state does not allow this")
ALREADY_PUBLISHED = ErrorSpec("ALREADY_PUBLISHED", "该考核周期已发布", "This evaluation cycle is already published")
DEADLINE_PASSED = ErrorSpec("DEADLINE_PASSED", "已过截止日期", "The deadline has passed")
WEIGHTS_NOT_100 = ErrorSpec("WEIGHTS_NOT_100", "指标权重合计须为 100%", "The indicators' weights must total 100%")
OVERLAPPING_BANDS = ErrorSpec("OVERLAPPING_BANDS", "评分区间重叠", "Scoring bands overlap")
NO_SCORECARDS = ErrorSpec("NO_SCORECARDS", "没有适用考核模板的人员或部门", "No person or department has a template")
