"""Attachments in the browser: a claimant drops a real PDF receipt on their claim, sees it listed,
downloads the same bytes; a renamed executable is refused with the message on the field."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.attachments import files

from .books_setup import token_for
from .conftest import graphql, screenshot

pytestmark = pytest.mark.e2e

CREATE = """mutation($input: CreateExpenseClaimInput!) { createExpenseClaim(input: $input) {
  __typename ... on CreateExpenseClaimSuccess { expenseClaim { id } } ... on CreateExpenseClaimError { message } } }"""


def _claim(base_url: str, username: str) -> str:
    data = graphql(base_url, CREATE, {"input": {"category": "TRAVEL", "amount": "320.00", "date": date.today().isoformat(),
                                                "description": f"出差打车 {secrets.token_hex(3)}"}},
                   token=token_for(base_url, username))["createExpenseClaim"]
    assert data["__typename"] == "CreateExpenseClaimSuccess", data
    return data["expenseClaim"]["id"]


def test_a_receipt_is_uploaded_listed_downloaded_and_a_forbidden_file_refused(
        signed_in: Callable[[str], Page], live_server: str) -> None:
    claim_id = _claim(live_server, "business")
    page = signed_in("business")
    page.goto(f"{live_server}/documents/{claim_id}")
    card = page.get_by_test_id("attachments")
    expect(card).to_be_visible()

    receipt = files.pdf("Taxi receipt", "Amount 320.00")
    card.locator("input[type=file]").set_input_files(
        files=[{"name": "出租车发票.pdf", "mimeType": "application/pdf", "buffer": receipt}])
    row = card.get_by_test_id("attachment-list").locator("tr.ant-table-row", has_text="出租车发票.pdf")
    expect(row).to_be_visible()
    expect(row).to_contain_text(f"{round(len(receipt) / 1024)} KB" if len(receipt) >= 1024 else f"{len(receipt)} B")
    screenshot(page, "attachments-listed")

    with page.expect_download() as info:
        row.get_by_test_id("attachment-link").click()
    download = info.value
    assert download.suggested_filename == "出租车发票.pdf"
    with open(download.path(), "rb") as f:
        assert f.read() == receipt

    card.locator("input[type=file]").set_input_files(
        files=[{"name": "发票.pdf", "mimeType": "application/pdf", "buffer": files.EXE}])
    expect(card.locator(".ant-form-item-explain-error")).to_contain_text("附件：不支持此类文件")
    expect(card.get_by_test_id("attachment-list").locator("tr.ant-table-row")).to_have_count(1)

    row.get_by_test_id("attachment-delete").click()
    page.locator(".ant-popconfirm").get_by_role("button").last.click()
    expect(card.get_by_test_id("attachment-list").locator("tr.ant-table-row")).to_have_count(0)
