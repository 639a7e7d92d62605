"""The notification centre over GraphQL: the viewer's own only, unread filter and count, marking, settings."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import make_user, token_for
from tests.graphql.conftest import gid
from tests.graphql.helpers import expect_error, mutation
from yecai.notifications import service

LIST = """query($unread: Boolean, $first: Int!) { notifications(unread: $unread, first: $first) {
  totalCount unreadCount edges { cursor node { id kind title body url subjectId read readAt createdAt } }
  pageInfo { hasNextPage endCursor } } }"""
MARK = mutation("markNotificationsRead", "MarkNotificationsReadInput", "marked unreadCount")
SETTINGS = "{ notificationSettings { emailAvailable kinds { kind label description portal email } } }"
UPDATE = mutation("updateNotificationSettings", "UpdateNotificationSettingsInput",
                  "settings { kinds { kind portal email } }")


async def _two_users(session: AsyncSession) -> tuple[int, str, int, str, list[int], list[int]]:
    me, other = await make_user(session), await make_user(session, roles=("admin",))
    mine = [(await service.notify(session, recipients=[me.id], kind="expense_claim_paid", title=f"我的 {i}",
                                  url="/documents/x", subject_id="RXhwZW5zZUNsYWltOjE="))[0].id for i in range(3)]
    theirs = [(await service.notify(session, recipients=[other.id], kind="expense_claim_paid",
                                    title="别人的"))[0].id]
    await session.commit()
    return (me.id, await token_for(session, me, TEST_SECRET), other.id, await token_for(session, other, TEST_SECRET),
            mine, theirs)


async def test_the_viewer_sees_only_their_own(gql: GraphQLClient, session: AsyncSession) -> None:
    _, token, _, admin_token, mine, theirs = await _two_users(session)
    page = (await gql(LIST, {"first": 2}, token=token))["notifications"]
    assert page["totalCount"] == 3 and page["unreadCount"] == 3 and page["pageInfo"]["hasNextPage"]
    assert [e["node"]["id"] for e in page["edges"]] == [gid("Notification", i) for i in reversed(mine)][:2]
    node = page["edges"][0]["node"]
    assert node["kind"] == "EXPENSE_CLAIM_PAID" and node["read"] is False and node["subjectId"]
    admins = (await gql(LIST, {"first": 10}, token=admin_token))["notifications"]
    assert [e["node"]["id"] for e in admins["edges"]] == [gid("Notification", theirs[0])]
    # Not even an administrator opens another's notification by its id.
    found = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": gid("Notification", mine[0])},
                      token=admin_token)
    assert found["node"] is None


async def test_marking_read(gql: GraphQLClient, session: AsyncSession) -> None:
    _, token, _, _, mine, theirs = await _two_users(session)
    done = (await gql(MARK, {"input": {"ids": [gid("Notification", mine[0])]}}, token=token))["markNotificationsRead"]
    assert done == {"__typename": "MarkNotificationsReadSuccess", "marked": 1, "unreadCount": 2}
    unread = (await gql(LIST, {"first": 10, "unread": True}, token=token))["notifications"]
    assert gid("Notification", mine[0]) not in [e["node"]["id"] for e in unread["edges"]]
    read = (await gql(LIST, {"first": 10, "unread": False}, token=token))["notifications"]
    assert [e["node"]["id"] for e in read["edges"]] == [gid("Notification", mine[0])]
    assert read["edges"][0]["node"]["readAt"]
    # Another's id, mixed with one's own: not found, and nothing is marked.
    await expect_error(gql, session, MARK, "markNotificationsRead",
                       {"input": {"ids": [gid("Notification", mine[1]), gid("Notification", theirs[0])]}}, token,
                       "NOT_FOUND", "ids")
    await expect_error(gql, session, MARK, "markNotificationsRead", {"input": {}}, token, "INVALID_INPUT", "ids")
    await expect_error(gql, session, MARK, "markNotificationsRead", {"input": {"ids": ["nope"]}}, token,
                       "INVALID_INPUT", "ids.0")
    everything = (await gql(MARK, {"input": {"all": True}}, token=token))["markNotificationsRead"]
    assert everything["marked"] == 2 and everything["unreadCount"] == 0


async def test_settings_per_kind_and_channel(gql: GraphQLClient, session: AsyncSession) -> None:
    _, token, _, _, _, _ = await _two_users(session)
    shown = (await gql(SETTINGS, token=token))["notificationSettings"]
    assert shown["emailAvailable"] is False
    (claim,) = [k for k in shown["kinds"] if k["kind"] == "EXPENSE_CLAIM_PAID"]
    assert claim["label"] == "报销已付款" and claim["portal"] is True
    changed = (await gql(UPDATE, {"input": {"settings": [
        {"kind": "EXPENSE_CLAIM_PAID", "channel": "PORTAL", "enabled": False}]}}, token=token))
    kinds = changed["updateNotificationSettings"]["settings"]["kinds"]
    assert [k["portal"] for k in kinds if k["kind"] == "EXPENSE_CLAIM_PAID"] == [False]
    await expect_error(gql, session, UPDATE, "updateNotificationSettings", {"input": {"settings": [
        {"kind": "EXPENSE_CLAIM_PAID", "channel": "EMAIL", "enabled": True}]}}, token,
        "EMAIL_UNAVAILABLE", "settings.0.enabled")


async def test_the_anonymous_have_no_notifications(gql: GraphQLClient) -> None:
    body = await gql(LIST, {"first": 5}, errors=True)
    assert body["data"]["notifications"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
