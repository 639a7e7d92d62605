"""Benchmark: how fast business documents post themselves, and what a voucher list costs.

1. Posts N sales deliveries (default 10,000), each in its own transaction as a request would,
   through the same services the API calls: documents per second, p50/p95 per delivery, and
   SQL statements per delivery (order + delivery + stock + two vouchers + audit).
2. Asks the real app (in-process ASGI, no network) for voucher lists of 10, 50 and 100 vouchers
   with their lines, accounts, sources and rule versions: SQL statements per query (must not grow
   with the page size) and p50/p95 latency.

    .venv/bin/python bench/posting_bench.py [--deliveries 10000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.actor import system_actor
from yecai.app import create_app
from yecai.auth.service import actor_for, create_user, ensure_builtin_roles
from yecai.auth.tokens import issue_session_token
from yecai.db import count_statements, make_engine, make_session_factory
from yecai.ledger.service import open_period
from yecai.migrate import upgrade
from yecai.operations import service as ops
from yecai.org.models import DepartmentKind
from yecai.org.service import create_department
from yecai.settings import Settings

DAY = date(2026, 11, 10)
SECRET = "bench-secret-" + "x" * 40


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) >= 2 else values[0]


async def main(deliveries: int, url: str) -> None:
    engine = make_engine(url)
    await upgrade(engine)
    system = system_actor("bench")
    async with AsyncSession(engine, expire_on_commit=False) as s:
        await ensure_builtin_roles(s, actor=system)
        await open_period(s, actor=system, period="2026-11")
        dept = await create_department(s, actor=system, code="BENCH", name="压测业务部", kind=DepartmentKind.BUSINESS)
        from sqlalchemy import select

        from yecai.auth.models import Role

        roles = {r.code: r.id for r in (await s.execute(select(Role))).scalars()}
        seller_user = await create_user(s, actor=system, username="bench.seller", display_name="压测", password=None,
                                        department_id=dept.id, role_ids=[roles["business"], roles["auditor"],
                                                                         roles["finance"]])
        seller = await actor_for(s, seller_user)
        customer = await ops.create_customer(s, actor=system, code="BC", name="压测客户")
        supplier = await ops.create_supplier(s, actor=system, code="BS", name="压测供应商")
        category = await ops.create_product_category(s, actor=system, code="GOODS", name="商品")
        product = await ops.create_product(s, actor=system, code="BP", name="压测商品", category_id=category.id)
        warehouse = await ops.create_warehouse(s, actor=system, code="BW", name="压测仓")
        await ops.create_purchase_receipt(s, actor=system, supplier_id=supplier.id, warehouse_id=warehouse.id, day=DAY,
                                          department_id=dept.id, lines=[ops.PricedLineInput(
                                              product.id, Decimal(deliveries * 3 + 10), Decimal("57.30"),
                                              Decimal("0.13"))])
        await s.commit()

    sessions = make_session_factory(engine)
    timings, statements = [], []
    started = time.perf_counter()
    for i in range(deliveries):
        async with sessions() as s:
            order = await ops.create_sales_order(s, actor=seller, customer_id=customer.id, day=DAY, lines=[
                ops.PricedLineInput(product.id, Decimal(1 + i % 3), Decimal("99.90"), Decimal("0.13"))])
            t0 = time.perf_counter()
            async with count_statements() as box:
                await ops.deliver_sales_order(s, actor=seller, order_id=order.id, warehouse_id=warehouse.id, day=DAY)
            await s.commit()
            timings.append((time.perf_counter() - t0) * 1000)
            statements.append(box[0])
    elapsed = time.perf_counter() - started
    print(f"database                      {url.split(':')[0]}")
    print(f"deliveries posted             {deliveries:,} (each: order + delivery + stock move + 2 vouchers)")
    print(f"deliveries per second         {deliveries / elapsed:,.1f} (each after its order; wall time)")
    print(f"documents per second          {2 * deliveries / elapsed:,.1f} (orders and deliveries together)")
    print(f"delivery latency p50 / p95    {pct(timings, 50):.1f} ms / {pct(timings, 95):.1f} ms")
    print(f"SQL statements per delivery   median {statistics.median(statements):.0f} "
          f"(min {min(statements)}, max {max(statements)})")

    settings = Settings(env="test", database_url=url, secret_key=SECRET, demo=False)
    app = create_app(settings, engine=engine)
    token = issue_session_token(SECRET, user_id=seller.user_id, epoch=0, ttl_seconds=3600)
    query = """query($n: Int!) { vouchers(first: $n) { totalCount edges { node { displayNumber summary state
      lines { lineNo debit credit account { code name } source { type line { id } document { number } }
      ruleVersion { version rule { code } } } } } } }"""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for size in (10, 50, 100):
            latencies, sql = [], set()
            for _ in range(40):
                t0 = time.perf_counter()
                r = await client.post("/graphql", json={"query": query, "variables": {"n": size}},
                                      headers={"Authorization": f"Bearer {token}"})
                latencies.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200 and "errors" not in r.json(), r.text[:500]
                sql.add(int(r.headers["x-yecai-sql-statements"]))
            print(f"vouchers(first: {size:>3})          SQL/query {sorted(sql)}  p50 {pct(latencies, 50):.1f} ms"
                  f"  p95 {pct(latencies, 95):.1f} ms")
    await engine.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deliveries", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    db = args.database_url or f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='yecai-bench-')) / 'bench.db'}"
    asyncio.run(main(args.deliveries, db))
