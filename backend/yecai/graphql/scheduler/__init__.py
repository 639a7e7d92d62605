"""The scheduler's part of the API: none yet (its job runs are read with `yecai worker --once` and the job_run table).

The module exists because every domain has its place in the API layer's order (scripts/lint-imports.py).
"""

from yecai.graphql.api import DomainApi

API = DomainApi()
