"""Certificates in the browser: HR issues an honour certificate, the holder finds it under 我的证书 and downloads
the PDF (read back, its QR code decoded), the public verification page opens without signing in and shows it
valid; after HR revokes it, the same page shows it revoked. A tampered code is shown as such."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from .conftest import screenshot, sign_in, sign_out
from .test_meetings import choose

pytestmark = pytest.mark.e2e


def qr_texts(pdf: bytes) -> list[str]:
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def open_as_visitor(browser: Browser, live_server: str, url: str) -> Page:
    """A browser profile of its own, never signed in, opening ``url`` as a phone scanning the code would."""
    visitor = browser.new_context(base_url=live_server, locale="zh-CN", timezone_id="Asia/Shanghai")
    page = visitor.new_page()
    page.goto(url)
    return page


def test_issue_download_verify_and_revoke(signed_in: Callable[[str], Page], browser: Browser,
                                          live_server: str) -> None:
    title = f"年度协作之星 {uuid.uuid4().hex[:6]}"
    page = signed_in("hr")
    page.get_by_test_id("nav-certificates").click()
    page.get_by_test_id("certificate-new").click()
    # Left empty, the title is named on its field and nothing is issued.
    page.get_by_test_id("certificate-submit").click()
    expect(page.locator(".ant-form-item-explain-error", has_text="请填写证书名称")).to_be_visible()
    expect(page.locator(".ant-form-item-explain-error", has_text="请选择获得者")).to_be_visible()
    choose(page, "certificate-holder", "staff", "刘员工")
    page.get_by_test_id("certificate-title").fill(title)
    screenshot(page, "certificate-issue")
    page.get_by_test_id("certificate-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("证书已颁发")
    row = page.locator("tr", has_text=title)
    expect(row.get_by_test_id("certificate-state")).to_have_text("有效")
    expect(row).to_contain_text("刘员工")

    # The holder finds it and downloads the PDF.
    sign_out(page)
    sign_in(page, "staff")
    page.get_by_test_id("nav-myCertificates").click()
    mine = page.locator("tr", has_text=title)
    expect(mine.get_by_test_id("certificate-state")).to_have_text("有效")
    screenshot(page, "my-certificates")
    with page.expect_download() as download:
        mine.get_by_test_id("certificate-download").click()
    pdf = open(download.value.path(), "rb").read()
    text = "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())  # the heading is letter-spaced
    assert "荣誉证书" in text and "刘员工" in text and title.replace(" ", "") in text, text
    (url,) = qr_texts(pdf)
    assert url.startswith(f"{live_server}/verify/"), url
    code = url.rsplit("/", 1)[1]
    grouped = "-".join(code[i:i + 4] for i in range(0, len(code), 4))
    assert grouped in text

    # Anyone scanning it sees the name, title, date and that it is valid, without signing in.
    visitor = open_as_visitor(browser, live_server, url)
    result = visitor.get_by_test_id("verify-result")
    expect(result).to_have_attribute("data-status", "VALID")
    expect(result).to_contain_text("证书有效")
    expect(result).to_contain_text("刘员工")
    expect(result).to_contain_text(title)
    expect(visitor.get_by_test_id("login-submit")).to_have_count(0)
    screenshot(visitor, "certificate-verify-valid")

    # HR revokes it with a reason; the same page now says revoked.
    sign_out(page)
    sign_in(page, "hr")
    page.get_by_test_id("nav-certificates").click()
    page.locator("tr", has_text=title).get_by_test_id("certificate-revoke").click()
    page.get_by_test_id("revoke-submit").click()
    expect(page.locator(".ant-form-item-explain-error", has_text="请填写撤销原因")).to_be_visible()
    page.get_by_test_id("revoke-reason").fill("评选材料有误")
    page.get_by_test_id("revoke-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("证书已撤销")
    expect(page.locator("tr", has_text=title).get_by_test_id("certificate-state")).to_have_text("已撤销")
    expect(page.locator("tr", has_text=title).get_by_test_id("certificate-revoke")).to_have_count(0)

    visitor.reload()
    expect(visitor.get_by_test_id("verify-result")).to_have_attribute("data-status", "REVOKED")
    expect(visitor.get_by_test_id("verify-result")).to_contain_text("证书已撤销")
    screenshot(visitor, "certificate-verify-revoked")

    # One character changed: refused as not genuine, and nothing of anyone is shown.
    tampered = code[:-1] + ("A" if code[-1] != "A" else "B")
    visitor.goto(f"/verify/{tampered}")
    expect(visitor.get_by_test_id("verify-result")).to_have_attribute("data-status", "TAMPERED")
    expect(visitor.get_by_test_id("verify-result")).to_contain_text("核验码无效")
    expect(visitor.get_by_test_id("verify-result")).not_to_contain_text("刘员工")
    visitor.context.close()


def test_someone_elses_certificate_pdf_is_refused(signed_in: Callable[[str], Page], live_server: str) -> None:
    """The business user (no rights over the warehouse) sees no one else's certificates and gets 403 for a PDF."""
    page = signed_in("hr")
    page.get_by_test_id("nav-certificates").click()
    page.get_by_test_id("certificate-new").click()
    choose(page, "certificate-holder", "staff", "刘员工")
    page.get_by_test_id("certificate-title").fill(f"安全生产标兵 {uuid.uuid4().hex[:6]}")
    page.get_by_test_id("certificate-submit").click()
    expect(page.locator(".ant-message")).to_contain_text("证书已颁发")
    href = page.locator("tr").filter(has_text="安全生产标兵").first.get_by_test_id("certificate-download") \
        .get_attribute("href")
    assert href and href.startswith("/certificates/")
    sign_out(page)
    sign_in(page, "business")
    page.get_by_test_id("nav-myCertificates").click()
    expect(page.locator("tr", has_text="安全生产标兵")).to_have_count(0)
    response = page.request.get(href)
    assert response.status == 403
