"""Events of the organisation; domains above it listen."""

from __future__ import annotations

from dataclasses import dataclass

from yecai.org.models import Department


@dataclass(frozen=True)
class DepartmentRemoving:
    """A department is about to be deleted: a domain whose rows still name it refuses (raises)."""

    department: Department
