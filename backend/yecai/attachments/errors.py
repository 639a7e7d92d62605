"""Error codes of attachments."""

from yecai.errors import ErrorSpec

FILE_TOO_LARGE = ErrorSpec("FILE_TOO_LARGE", "文件过大", "The file is too large")
FILE_TYPE_NOT_ALLOWED = ErrorSpec("FILE_TYPE_NOT_ALLOWED", "不支持的文件类型", "This type of file is not allowed")
FILE_MISSING = ErrorSpec("FILE_MISSING", "请选择要上传的文件", "Choose a file to upload")
CONTENT_UNAVAILABLE = ErrorSpec("CONTENT_UNAVAILABLE", "附件内容暂时无法读取", "The attachment's content cannot be read now")
