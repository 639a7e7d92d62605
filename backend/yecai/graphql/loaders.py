"""Per-request DataLoaders: each related list costs one SQL statement per batch, not one per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from yecai.auth.models import Role, RolePermission, User, UserRole
from yecai.org.models import Department

K = TypeVar("K", bound=Hashable)


class Loaders:
    """DataLoaders of one request, created on first use."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._loaders: dict[str, DataLoader[Any, Any]] = {}

    def _get(self, name: str, batch: Callable[[list[Any]], Any]) -> DataLoader[Any, Any]:
        loader = self._loaders.get(name)
        if loader is None:
            loader = self._loaders[name] = DataLoader(load_fn=batch)
        return loader

    def batched(self, name: str, batch: Callable[[list[Any]], Any]) -> DataLoader[Any, Any]:
        """A domain's own loader, by a name unique to it (e.g. ``meetings:audience``)."""
        return self._get(name, batch)

    def by_id(self, model: type[Any]) -> DataLoader[int, Any]:
        """Rows of ``model`` by primary key; ``None`` where there is none."""

        async def batch(ids: list[int]) -> list[Any]:
            rows = (await self.session.execute(select(model).where(model.id.in_(ids)))).scalars().all()
            found = {row.id: row for row in rows}
            return [found.get(i) for i in ids]

        return self._get(f"by_id:{model.__name__}", batch)

    def children(self, model: type[Any], column: Any, *order_by: Any,
                 kind: tuple[Any, str] | None = None) -> DataLoader[int, list[Any]]:
        """Rows of ``model`` grouped by the foreign key ``column`` (one statement per batch); with
        ``kind=(type_column, value)``, only the rows of that kind (a document type's vouchers)."""

        async def batch(keys: list[int]) -> list[list[Any]]:
            stmt = select(model).where(column.in_(keys))
            if kind is not None:
                stmt = stmt.where(kind[0] == kind[1])
            rows = (await self.session.execute(stmt.order_by(*order_by))).scalars().all()
            return _group(keys, ((getattr(row, column.key), row) for row in rows))

        suffix = f"[{kind[0].key}={kind[1]}]" if kind is not None else ""
        return self._get(f"children:{model.__name__}.{column.key}{suffix}", batch)

    def one_by(self, model: type[Any], column: Any) -> DataLoader[int, Any]:
        """The row of ``model`` whose unique ``column`` equals the key; ``None`` where there is none."""

        async def batch(keys: list[int]) -> list[Any]:
            rows = (await self.session.execute(select(model).where(column.in_(keys)))).scalars().all()
            found = {getattr(row, column.key): row for row in rows}
            return [found.get(k) for k in keys]

        return self._get(f"one_by:{model.__name__}.{column.key}", batch)

    @property
    def department(self) -> DataLoader[int, Department | None]:
        return self.by_id(Department)

    @property
    def user(self) -> DataLoader[int, User | None]:
        return self.by_id(User)

    @property
    def roles_by_user(self) -> DataLoader[int, list[Role]]:
        async def batch(user_ids: list[int]) -> list[list[Role]]:
            rows = await self.session.execute(
                select(UserRole.user_id, Role).join(Role, Role.id == UserRole.role_id)
                .where(UserRole.user_id.in_(user_ids)).order_by(Role.code)
            )
            return _group(user_ids, ((uid, role) for uid, role in rows.all()))

        return self._get("roles_by_user", batch)

    @property
    def permissions_by_role(self) -> DataLoader[int, list[str]]:
        async def batch(role_ids: list[int]) -> list[list[str]]:
            rows = await self.session.execute(
                select(RolePermission.role_id, RolePermission.permission)
                .where(RolePermission.role_id.in_(role_ids)).order_by(RolePermission.permission)
            )
            return _group(role_ids, rows.all())

        return self._get("permissions_by_role", batch)

    @property
    def user_count_by_role(self) -> DataLoader[int, int]:
        async def batch(role_ids: list[int]) -> list[int]:
            rows = await self.session.execute(
                select(UserRole.role_id, func.count()).where(UserRole.role_id.in_(role_ids)).group_by(UserRole.role_id)
            )
            counts = dict(rows.all())
            return [counts.get(i, 0) for i in role_ids]

        return self._get("user_count_by_role", batch)

    @property
    def member_count_by_department(self) -> DataLoader[int, int]:
        async def batch(department_ids: list[int]) -> list[int]:
            rows = await self.session.execute(
                select(User.department_id, func.count())
                .where(User.department_id.in_(department_ids), User.active.is_(True))
                .group_by(User.department_id)
            )
            counts = dict(rows.all())
            return [counts.get(i, 0) for i in department_ids]

        return self._get("member_count_by_department", batch)


def _group(keys: Sequence[K], pairs: Any) -> list[list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return [grouped.get(k, []) for k in keys]
