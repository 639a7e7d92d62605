"""Error codes of learning."""

from yecai.errors import ErrorSpec

WRONG_STATE = ErrorSpec("WRONG_STATE", "当前状态不允许此操作", "The current state does not allow this")
NOT_PUBLISHED = ErrorSpec("NOT_PUBLISHED", "课程尚未发布", "The course is not published")
NOTHING_TO_PUBLISH = ErrorSpec("NOTHING_TO_PUBLISH", "草稿与当前版本相同，无需发布", "The draft is the same as the current version")
ALREADY_ENROLLED = ErrorSpec("ALREADY_ENROLLED", "已报名该课程", "Already enrolled in this course")
NO_QUIZ = ErrorSpec("NO_QUIZ", "该课程没有测验", "This course has no quiz")
ATTEMPTS_USED = ErrorSpec("ATTEMPTS_USED", "测验次数已用完", "No quiz attempts left")
ALREADY_SUBMITTED = ErrorSpec("ALREADY_SUBMITTED", "该次测验已提交", "This attempt is already submitted")
