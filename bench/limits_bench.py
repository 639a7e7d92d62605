"""What checking a request's cost takes: the largest allowed query and the smallest refused ones, beside
graphql-core parsing the same text (the floor every request pays anyway), as ratios.

    .venv/bin/python bench/limits_bench.py [--repeat 200]

Measured in one process, interleaved: absolute times on a shared machine are noisy, the ratios less so.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from graphql import parse, validate

from yecai.graphql.limits import CostError, query_cost
from yecai.graphql.schema import build_schema
from yecai.settings import Settings

PAGE = ("vouchers(first: 100) { totalCount edges { node { id lines { account { code } "
        "source { type document { number } line { id } } ruleVersion { version } } } } }")


def aliases(n: int) -> str:
    return "{ " + " ".join(f"a{i}: {PAGE}" for i in range(n)) + " }"


def timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    schema = build_schema(settings)._schema
    limit = settings.graphql_max_cost
    allowed_n = max(n for n in range(1, 30) if query_cost(schema, parse(aliases(n))) <= limit)
    cases = {
        f"largest allowed ({allowed_n} pages of 100 vouchers)": aliases(allowed_n),
        f"smallest refused ({allowed_n + 1} pages)": aliases(allowed_n + 1),
        "1,200 repeats of viewer { username }": "{ " + "viewer { username } " * 1200 + "}",
    }
    print(f"cost limit {limit} points; median of {args.repeat} runs each, in ms")
    print(f"{'request':48} {'parse (floor)':>14} {'cost check':>11} {'ratio':>6} {'validate':>10}  outcome")
    for name, text in cases.items():
        document = parse(text)

        def check(document=document) -> str:
            try:
                return f"cost {query_cost(schema, document, max_repeats=settings.graphql_max_repeats)}"
            except CostError as error:
                return f"refused ({error.extensions['code']})"

        outcome = check()
        refused = outcome.startswith("refused") or int(outcome.split()[1]) > limit
        parse_ms = timed(lambda text=text: parse(text), args.repeat)
        cost_ms = timed(check, args.repeat)
        # What graphql-core's validation would cost were the request not refused first (a few runs: it is slow).
        validate_ms = timed(lambda document=document: validate(schema, document), max(3, args.repeat // 40))
        print(f"{name:48} {parse_ms:14.2f} {cost_ms:11.2f} {cost_ms / parse_ms:6.2f} {validate_ms:10.2f}  "
              f"{'refused before validation' if refused else 'validated and run'} ({outcome})")


if __name__ == "__main__":
    main()
