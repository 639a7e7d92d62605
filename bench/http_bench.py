"""HTTP benchmark of the Yecai GraphQL API over loopback.

Starts a seeded demo server (SQLite in a temporary data directory; PostgreSQL when
YECAI_BENCH_DATABASE_URL or --database-url names a server, on a fresh database created for
the run), adds users until a 100-row ``users`` page is full, then sends a bounded number of
requests per scenario with N concurrent workers and prints a plain table: requests per
second, p50/p95/p99 latency, and SQL statements per request (the server's
``X-Yecai-Sql-Statements`` response header, "n/a" when absent).

    .venv/bin/python bench/http_bench.py [--requests 2000] [--concurrency 8] [--json out.json]

Traffic goes to 127.0.0.1 only; every loop is bounded in count and time.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support.live_server import fresh_postgres_database, run_live_server  # noqa: E402

PASSWORD = "Yecai@2026"
SQL_HEADER = "x-yecai-sql-statements"

SCENARIOS: dict[str, str] = {
    "viewer": "query Viewer { viewer { username permissions } }",
    "users(first:100)": (
        "query Users { users(first: 100) { totalCount edges { node { id username displayName "
        "department { name } roles { code } } } } }"
    ),
}


@dataclass
class Result:
    scenario: str
    requests: int = 0
    failures: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    sql_counts: list[int] = field(default_factory=list)
    first_failure: str | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        data = sorted(self.latencies_ms)
        return data[min(len(data) - 1, int(round(q / 100 * (len(data) - 1))))]

    def sql(self) -> str:
        if not self.sql_counts:
            return "n/a"
        lo, hi = min(self.sql_counts), max(self.sql_counts)
        return str(lo) if lo == hi else f"{statistics.median(self.sql_counts):g} ({lo}-{hi})"


class GraphQLError(RuntimeError):
    pass


async def gql(client: httpx.AsyncClient, query: str, variables: dict | None = None) -> dict:
    resp = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    try:
        body = resp.json()
    except ValueError as exc:
        raise GraphQLError(f"HTTP {resp.status_code}: {resp.text[:300]}") from exc
    if resp.status_code != 200 or body.get("errors"):
        raise GraphQLError(f"HTTP {resp.status_code}: {json.dumps(body, ensure_ascii=False)[:500]}")
    return body["data"]


async def login(client: httpx.AsyncClient, username: str = "admin") -> str:
    data = await gql(
        client,
        """mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) {
             __typename ... on LoginSuccess { token } } }""",
        {"u": username, "p": PASSWORD},
    )
    token = data["login"].get("token")
    if not token:
        raise GraphQLError(f"login as {username} failed: {data}")
    return token


async def fill_users(client: httpx.AsyncClient, target: int) -> int:
    """Create users (spread over departments and roles) until there are ``target``."""
    data = await gql(
        client,
        "query { users(first: 1) { totalCount } departments(first: 100) { edges { node { id } } }"
        " roles(first: 100) { edges { node { id } } } }",
    )
    total = data["users"]["totalCount"]
    departments = [e["node"]["id"] for e in data["departments"]["edges"]]
    roles = [e["node"]["id"] for e in data["roles"]["edges"]]
    mutation = """mutation Create($input: CreateUserInput!) { createUser(input: $input) {
        __typename ... on CreateUserSuccess { user { id } } } }"""
    stamp = int(time.time()) % 100000
    for i in range(max(0, target - total)):
        variables = {
            "input": {
                "username": f"bench{stamp}u{i:03d}",
                "displayName": f"压测用户{i:03d}",
                "password": f"Bench@{stamp}-{i:03d}x",
                "email": f"bench{stamp}u{i:03d}@example.com",
                "departmentId": departments[i % len(departments)] if departments else None,
                "roleIds": [roles[i % len(roles)], roles[(i + 3) % len(roles)]] if roles else [],
            }
        }
        result = (await gql(client, mutation, variables))["createUser"]
        if result["__typename"] != "CreateUserSuccess":
            raise GraphQLError(f"createUser failed: {result}")
    return (await gql(client, "query { users(first: 1) { totalCount } }"))["users"]["totalCount"]


async def measure(
    client: httpx.AsyncClient,
    name: str,
    query: str,
    requests: int,
    concurrency: int,
    warmup: int,
    time_limit: float,
) -> Result:
    payload = {"query": query}
    for _ in range(warmup):
        await client.post("/graphql", json=payload)

    result = Result(name)
    remaining = requests
    deadline = time.monotonic() + time_limit

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0 and time.monotonic() < deadline:
            remaining -= 1
            t0 = time.perf_counter()
            try:
                resp = await client.post("/graphql", json=payload)
                body = resp.content
                ok = resp.status_code == 200 and b'"errors"' not in body
            except httpx.HTTPError as exc:
                resp, body, ok = None, repr(exc).encode(), False
            result.latencies_ms.append((time.perf_counter() - t0) * 1000)
            result.requests += 1
            if not ok:
                result.failures += 1
                if result.first_failure is None:
                    status = resp.status_code if resp is not None else "-"
                    result.first_failure = f"HTTP {status}: {body[:300].decode(errors='replace')}"
            if resp is not None and SQL_HEADER in resp.headers:
                try:
                    result.sql_counts.append(int(resp.headers[SQL_HEADER]))
                except ValueError:
                    pass

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - start
    return result


def print_table(results: list[Result]) -> None:
    header = (
        "scenario",
        "requests",
        "failed",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "SQL/request",
    )
    rows = [
        (
            r.scenario,
            str(r.requests),
            str(r.failures),
            f"{r.rps:.0f}",
            f"{r.pct(50):.1f}",
            f"{r.pct(95):.1f}",
            f"{r.pct(99):.1f}",
            r.sql(),
        )
        for r in results
    ]
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join(("{:<%d}" if i == 0 else "{:>%d}") % w for i, w in enumerate(widths))
    print(line.format(*header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*row))


async def bench(url: str, args: argparse.Namespace, database: str) -> list[Result]:
    limits = httpx.Limits(
        max_connections=args.concurrency + 2, max_keepalive_connections=args.concurrency + 2
    )
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        token = await login(client)
        client.headers["Authorization"] = f"Bearer {token}"
        t0 = time.perf_counter()
        users = await fill_users(client, args.users)
        print(f"users in the database: {users} (filled in {time.perf_counter() - t0:.1f}s)")
        page = await gql(client, SCENARIOS["users(first:100)"])
        rows = len(page["users"]["edges"])
        if rows < 100:
            print(f"WARNING: the users page has {rows} rows, not 100", file=sys.stderr)

        print(
            f"server {url} on {database}; {args.requests} requests per scenario, "
            f"{args.concurrency} concurrent workers, {args.warmup} warm-up requests, "
            f"time limit {args.time_limit:.0f}s per scenario\n"
        )
        results = []
        for name, query in SCENARIOS.items():
            results.append(
                await measure(
                    client,
                    name,
                    query,
                    args.requests,
                    args.concurrency,
                    args.warmup,
                    args.time_limit,
                )
            )
        return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--requests", type=int, default=2000, help="requests per scenario (default 2000)"
    )
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent workers (default 8)")
    parser.add_argument(
        "--warmup", type=int, default=50, help="warm-up requests per scenario (default 50)"
    )
    parser.add_argument(
        "--users", type=int, default=120, help="users to have in the database (default 120)"
    )
    parser.add_argument(
        "--time-limit", type=float, default=120, help="seconds per scenario at most (default 120)"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("YECAI_BENCH_DATABASE_URL"),
        help="PostgreSQL server URL (postgresql+asyncpg://...); a fresh database is created on it "
        "(default: $YECAI_BENCH_DATABASE_URL, else SQLite)",
    )
    parser.add_argument(
        "--yecai-env", default="test", help="YECAI_ENV of the server (default test)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be positive")
    args.requests = min(args.requests, 100_000)

    with ExitStack() as stack:
        database_url = None
        database = "SQLite"
        if args.database_url:
            database_url = stack.enter_context(
                fresh_postgres_database(args.database_url, prefix="yecai_bench")
            )
            database = "PostgreSQL"
        url = stack.enter_context(
            run_live_server(
                database_url=database_url, env={"YECAI_COUNT_SQL": "1", "YECAI_ENV": args.yecai_env}
            )
        )
        results = asyncio.run(bench(url, args, database))

    print_table(results)
    print(
        f"\n{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; client and server share the machine."
    )
    for r in results:
        if r.first_failure:
            print(f"{r.scenario}: first failure: {r.first_failure}", file=sys.stderr)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        **{
                            k: v
                            for k, v in asdict(r).items()
                            if k not in ("latencies_ms", "sql_counts")
                        },
                        "rps": r.rps,
                        "p50_ms": r.pct(50),
                        "p95_ms": r.pct(95),
                        "p99_ms": r.pct(99),
                        "sql_per_request": r.sql(),
                        "database": database,
                    }
                    for r in results
                ],
                indent=2,
            )
        )
    return 1 if any(r.failures for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
