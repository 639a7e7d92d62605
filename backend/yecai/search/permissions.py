"""Permissions of search. Searching itself needs none: every signed-in user searches what they may open."""

from yecai.manifest import Permission

SEARCH_MANAGE = "search.manage"

PERMISSIONS = (
    Permission(SEARCH_MANAGE, "管理搜索索引", "Manage the search index",
               "查看索引状态与无结果的搜索，重建索引", "See the index status and searches that found nothing; rebuild the index",
               default_roles=("admin",)),
)
