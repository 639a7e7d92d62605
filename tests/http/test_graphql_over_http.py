"""GraphQL over HTTP conformance of /graphql, audited by graphql-http's ``serverAudits``.

The audit runs in Node (``tests/http/audit.mjs``, its own package.json and lock file,
installed by ``scripts/ensure-node.sh``) against the live demo server. Every MUST (error)
and SHOULD (warn) item has to pass; optional MAY items (notice) are only reported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]


def _ensure_node_modules() -> None:
    if shutil.which("node") is None:
        raise AssertionError("node is required for the GraphQL over HTTP audit (Node >= 20)")
    subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "ensure-node.sh"), "tests/http"],
        cwd=REPO_ROOT,
        check=True,
        timeout=600,
    )


def run_audit(graphql_url: str) -> list[dict]:
    _ensure_node_modules()
    proc = subprocess.run(
        ["node", str(HERE / "audit.mjs"), graphql_url, "--json"],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"audit.mjs exited with {proc.returncode} and no JSON report:\n"
            f"{proc.stdout}\n{proc.stderr}"
        ) from exc


def _describe(item: dict) -> str:
    text = f"[{item['status']}] {item['id']} {item['name']}\n    reason: {item.get('reason')}"
    if "httpStatus" in item:
        text += (
            f"\n    response: HTTP {item['httpStatus']} {item.get('contentType') or ''}"
            f"\n    body: {item.get('body', '')}"
        )
    return text


def test_graphql_over_http_audit(live_server) -> None:
    results = run_audit(live_server.graphql_url)
    assert results, "the audit returned no results"

    notices = [r for r in results if r["status"] == "notice"]
    failures = [r for r in results if r["status"] in ("error", "warn")]
    unknown = [r for r in results if r["status"] not in ("ok", "notice", "warn", "error")]

    ok = sum(r["status"] == "ok" for r in results)
    print(f"\ngraphql-http audit: {ok} ok, {len(notices)} notice, {len(failures)} failing")
    for item in notices:
        print(_describe(item))

    assert not unknown, f"unexpected audit statuses: {unknown}"
    assert not failures, (
        f"{len(failures)} GraphQL over HTTP audit item(s) fail "
        f"({sum(r['status'] == 'error' for r in failures)} MUST, "
        f"{sum(r['status'] == 'warn' for r in failures)} SHOULD):\n\n"
        + "\n\n".join(_describe(r) for r in failures)
    )
