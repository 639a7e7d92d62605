"""The house's import rules, made from the domain list and checked by import-linter.

Layers follow ``yecai.domains.DOMAINS`` (a domain may import the ones before it, never after),
in the backend and in its API layer alike; domains and the shared kernel never import GraphQL or
HTTP libraries; no module is part of an import cycle at any level. Adding a domain to the list is
all it takes to put it under these rules.

    .venv/bin/python scripts/lint-imports.py [lint-imports options]
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL = ["events", "manifest", "domains", "db", "actor", "validation", "pagination", "settings", "errors", "attachable"]


def domain_names() -> list[str]:
    # Read the list as data: importing yecai here would import every domain before the check.
    tree = ast.parse((ROOT / "backend/yecai/domains.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            value = ast.literal_eval(node.value)  # type: ignore[arg-type]
            return [path.rsplit(".", 1)[1] for path in value]
    raise SystemExit("lint-imports: no DOMAINS in backend/yecai/domains.py")


def config() -> str:
    domains = domain_names()
    top_down = list(reversed(domains))

    def toml_list(items: list[str]) -> str:
        return json.dumps(items, ensure_ascii=False)

    return f"""
[tool.importlinter]
root_package = "yecai"
include_external_packages = true
exclude_type_checking_imports = true

[[tool.importlinter.contracts]]
name = "Layers: the composition root, the API, the domains in the list's order (last on top), the kernel"
type = "layers"
containers = ["yecai"]
layers = {toml_list(["cli", "app", "http", "graphql", "seeding : migrate : migrations", *top_down,
                     "events", "manifest", "domains : db : actor : validation : pagination : settings", "errors"])}

[[tool.importlinter.contracts]]
name = "The API layer follows the order of the domains it translates"
type = "layers"
containers = ["yecai.graphql"]
layers = {toml_list(["schema", *top_down, "base : context : loaders : enums : api"])}

[[tool.importlinter.contracts]]
name = "Domains and the kernel never import GraphQL or HTTP libraries"
type = "forbidden"
source_modules = {toml_list([f"yecai.{m}" for m in (*domains, *KERNEL, "seeding", "migrate")])}
forbidden_modules = ["strawberry", "starlette", "graphql", "uvicorn"]

[[tool.importlinter.contracts]]
name = "No import cycles, at any level"
type = "acyclic_siblings"
ancestors = ["yecai"]
"""


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="yecai-imports-") as tmp:
        path = Path(tmp) / "pyproject.toml"
        path.write_text(config(), encoding="utf-8")
        linter = Path(sys.executable).with_name("lint-imports")
        return subprocess.run([str(linter), str(path), "--no-cache", *sys.argv[1:]], cwd=ROOT / "backend").returncode


if __name__ == "__main__":
    sys.exit(main())
