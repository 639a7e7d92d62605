"""The certificates API over HTTP: the PDF read back (its text, and its QR code decoded from the rendered page),
who may download it, the public check of a code without signing in, and the mutations' errors."""

from __future__ import annotations

import io

import httpx
import pypdfium2
import zxingcpp
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from tests.certificates.conftest import Org
from tests.conftest import TEST_SECRET, GraphQLClient, _session_on
from tests.dbstate import fingerprint
from tests.factories import token_for
from yecai.app import create_app
from yecai.certificates import codes
from yecai.certificates.document import qr_svg
from yecai.settings import Settings

VERIFY = """query($code: String!) { certificateVerification(code: $code) { status holderName title issuedOn } }"""
ISSUE = """mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { __typename
  ... on IssueCertificateSuccess { certificate { id code state pdfUrl verifyUrl holder { username } } }
  ... on IssueCertificateError { code field message } } }"""
REVOKE = """mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { __typename
  ... on RevokeCertificateSuccess { certificate { id state revokeReason viewerCan { revoke } } }
  ... on RevokeCertificateError { code field message } } }"""


def gid(type_name: str, pk: int) -> str:
    import base64

    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def qr_texts(pdf: bytes) -> list[str]:
    """The QR codes a reader finds on the PDF's first page rendered at 200 dpi."""
    page = pypdfium2.PdfDocument(pdf)[0]
    image = page.render(scale=200 / 72).to_pil().convert("L")
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


async def test_the_pdf_reads_back_and_its_qr_code_opens_the_verify_page(
        session: AsyncSession, org: Org, client: httpx.AsyncClient) -> None:
    cert = await org.issue(session, title="年度优秀员工", issuer="业财融合门户人力资源部")
    token = await token_for(session, org.holder, TEST_SECRET)
    response = await client.get(f"/certificates/{cert.code}.pdf", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595  # A4 landscape, in points
    text = reader.pages[0].extract_text()
    for words in ("荣誉证书", "张晓明", "年度优秀员工", "业财融合门户人力资源部", codes.grouped(cert.code)):
        assert words in text.replace(" ", "").replace("\n", "") or words in text, (words, text)
    url = f"http://testserver/verify/{cert.code}"
    assert qr_texts(response.content) == [url]


async def test_the_qr_code_carries_the_public_address_when_one_is_set(
        session: AsyncSession, org: Org, settings: Settings, connection: AsyncConnection, database: AsyncEngine) -> None:
    cert = await org.issue(session)
    token = await token_for(session, org.hr, TEST_SECRET)
    await session.commit()  # a savepoint released: the app's session on the same connection sees the rows
    public = settings.model_copy(update={"public_url": "https://portal.example.com/"})
    # The app the client fixture builds, with the public address set.
    app = create_app(public, engine=database, sessions=lambda: _session_on(connection))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://10.0.0.5:8000") as http:
        response = await http.get(f"/certificates/{cert.code}.pdf", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert qr_texts(response.content) == [f"https://portal.example.com/verify/{cert.code}"]


def test_the_qr_matrix_is_segnos_for_the_url() -> None:
    """The SVG drawn on the page is segno's symbol of exactly the verification address."""
    import segno

    url = "https://portal.example.com/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    svg = qr_svg(url)
    expected = segno.make(url, error="m", micro=False)
    assert expected.svg_inline(scale=4, border=4, dark="#000", light="#fff") == svg
    assert expected.version <= 5 and expected.error == "M"


async def test_who_may_download_the_pdf(session: AsyncSession, org: Org, client: httpx.AsyncClient) -> None:
    cert = await org.issue(session)
    expected = {"holder": 200, "hr": 200, "sales_manager": 200, "east_manager": 200, "other_manager": 403,
                "colleague": 403, "auditor": 403}
    for who, status in expected.items():
        token = await token_for(session, getattr(org, who), TEST_SECRET)
        response = await client.get(f"/certificates/{cert.code}.pdf", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == status, (who, response.text)
    assert (await client.get(f"/certificates/{cert.code}.pdf")).status_code == 401
    token = await token_for(session, org.hr, TEST_SECRET)
    tampered = cert.code[:-1] + ("A" if cert.code[-1] != "A" else "B")
    for code in (tampered, codes.new_code(), "nonsense"):
        response = await client.get(f"/certificates/{code}.pdf", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 404, code


async def test_the_public_check_shows_name_title_date_and_state_only(session: AsyncSession, org: Org,
                                                                    gql: GraphQLClient) -> None:
    cert = await org.issue(session, title="年度优秀员工")
    found = (await gql(VERIFY, {"code": codes.grouped(cert.code)}))["certificateVerification"]
    assert found == {"status": "VALID", "holderName": "张晓明", "title": "年度优秀员工",
                     "issuedOn": cert.issued_on.isoformat()}
    tampered = cert.code[:3] + ("A" if cert.code[3] != "A" else "B") + cert.code[4:]
    assert (await gql(VERIFY, {"code": tampered}))["certificateVerification"] == {
        "status": "TAMPERED", "holderName": None, "title": None, "issuedOn": None}
    assert (await gql(VERIFY, {"code": codes.new_code()}))["certificateVerification"]["status"] == "UNKNOWN"
    # Nothing else of the certificate is reachable without signing in.
    body = await gql("{ certificates(first: 5) { totalCount } }", errors=True)
    assert body["data"]["certificates"] is None and body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_hr_issues_and_revokes_through_the_api(session: AsyncSession, org: Org, gql: GraphQLClient) -> None:
    hr = await token_for(session, org.hr, TEST_SECRET)
    result = (await gql(ISSUE, {"input": {"holderId": gid("User", org.holder.id), "kind": "HONOUR",
                                          "title": "协作之星", "issuer": "人力资源部"}}, token=hr))["issueCertificate"]
    assert result["__typename"] == "IssueCertificateSuccess", result
    made = result["certificate"]
    code = made["code"].replace("-", "")
    assert made["pdfUrl"] == f"/certificates/{code}.pdf" and made["verifyUrl"] == f"/verify/{code}"
    holder = await token_for(session, org.holder, TEST_SECRET)
    listed = (await gql("{ certificates(mine: true, first: 5) { totalCount edges { node { title viewerCan { revoke } } } } }",
                        token=holder))["certificates"]
    assert listed == {"totalCount": 1, "edges": [{"node": {"title": "协作之星", "viewerCan": {"revoke": False}}}]}

    # The holder may not revoke it: a clear error, and nothing changes.
    before = await fingerprint(session)
    denied = (await gql(REVOKE, {"input": {"id": made["id"], "reason": "不要"}}, token=holder))["revokeCertificate"]
    assert (denied["__typename"], denied["code"]) == ("RevokeCertificateError", "PERMISSION_DENIED")
    assert denied["message"] == "没有执行此操作的权限"
    assert await fingerprint(session) == before
    empty = (await gql(REVOKE, {"input": {"id": made["id"], "reason": ""}}, token=hr))["revokeCertificate"]
    assert (empty["code"], empty["field"]) == ("INVALID_INPUT", "reason")
    assert await fingerprint(session) == before

    done = (await gql(REVOKE, {"input": {"id": made["id"], "reason": "评选程序有误"}}, token=hr))["revokeCertificate"]
    assert done["certificate"] == {"id": made["id"], "state": "REVOKED", "revokeReason": "评选程序有误",
                                   "viewerCan": {"revoke": False}}
    assert (await gql(VERIFY, {"code": code}))["certificateVerification"]["status"] == "REVOKED"
    again = (await gql(REVOKE, {"input": {"id": made["id"], "reason": "再撤"}}, token=hr))["revokeCertificate"]
    assert again["code"] == "ALREADY_REVOKED"


async def test_issuing_names_the_bad_field(session: AsyncSession, org: Org, gql: GraphQLClient) -> None:
    hr = await token_for(session, org.hr, TEST_SECRET)
    before = await fingerprint(session)
    for change, field in (({"holderId": gid("Department", 1)}, "holderId"), ({"title": ""}, "title"),
                          ({"issuedOn": "2999-01-01"}, "issuedOn"), ({"subjectId": "x"}, "subjectId")):
        data = {"holderId": gid("User", org.holder.id), "kind": "TRAINING", "title": "培训", "issuer": "培训中心"}
        result = (await gql(ISSUE, {"input": data | change}, token=hr))["issueCertificate"]
        assert (result["__typename"], result["code"], result["field"]) == ("IssueCertificateError", "INVALID_INPUT",
                                                                           field), result
    assert await fingerprint(session) == before
