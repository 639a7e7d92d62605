"""The ``yecai`` command: serve | db | seed | schema | audit | users."""

from __future__ import annotations

import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.ext.asyncio import AsyncSession

from yecai.settings import get_settings

T = TypeVar("T")


def _with_session(fn: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``fn`` in one transaction on the configured database, committing when it returns."""
    from yecai.db import make_engine

    async def main() -> T:
        engine = make_engine(get_settings().resolved_database_url)
        try:
            async with AsyncSession(engine, expire_on_commit=False) as session:
                result = await fn(session)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    return asyncio.run(main())


@click.group()
def main() -> None:
    """业财融合门户 Yecai: business–finance integration portal."""


@main.command()
@click.option("--host", default=None, help="Address to listen on (YECAI_HOST, default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (YECAI_PORT, default 8000).")
def serve(host: str | None, port: int | None) -> None:
    """Serve the API and the web app."""
    import uvicorn

    from yecai.app import create_app
    from yecai.seeding import demo_sign_ins

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"业财融合门户 Yecai is starting on http://{shown}:{port}  (GraphiQL: http://{shown}:{port}/graphql)")
    if settings.demo:
        users, password = demo_sign_ins(settings.seeds_dir)
        click.echo(f"Demo sign-ins (password {password}): {', '.join(users)}")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)


@main.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema (creating the SQLite file if needed)."""
    from yecai.db import make_engine
    from yecai.migrate import upgrade

    settings = get_settings()
    if settings.resolved_database_url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)

    async def run() -> None:
        engine = make_engine(settings.resolved_database_url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    click.echo("database is up to date")


@main.group()
def seed() -> None:
    """Demo and reference data."""


@seed.command("demo")
def seed_demo() -> None:
    """Load the demo organisation and one user per built-in role (idempotent)."""
    from yecai.seeding import seed_demo as run

    settings = get_settings()
    created = _with_session(lambda s: run(s, settings.seeds_dir))
    click.echo(f"demo data loaded: {created['departments']} departments, {created['users']} users created, "
               f"{created.get('documents', 0)} business documents in place")


@main.group()
def schema() -> None:
    """The GraphQL schema."""


@schema.command("export")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the SDL to this file instead of standard output.")
def schema_export(output: Path | None) -> None:
    """Print the GraphQL schema (SDL) exported from the code."""
    from yecai.graphql.schema import export_sdl
    from yecai.settings import Settings

    sdl = export_sdl(Settings(introspection=True, demo=False))
    if output:
        output.write_text(sdl, encoding="utf-8")
    else:
        sys.stdout.write(sdl)


@main.group()
def audit() -> None:
    """The audit trail."""


@audit.command("verify")
def audit_verify() -> None:
    """Check the hash chain; exit 1 naming the first event that does not match."""
    from yecai.audit.service import verify_chain
    from yecai.db import make_engine

    async def run() -> Any:
        engine = make_engine(get_settings().resolved_database_url)
        try:
            async with engine.connect() as conn:
                return await verify_chain(conn)
        finally:
            await engine.dispose()

    result = asyncio.run(run())
    if result.ok:
        click.echo(f"audit chain holds: {result.checked} events verified")
        return
    click.echo(f"audit chain broken at event {result.first_bad_seq}: {result.reason} "
               f"({result.checked} events before it verified)", err=True)
    sys.exit(1)


@main.group()
def users() -> None:
    """User accounts."""


@users.command("create")
@click.option("--username", required=True)
@click.option("--display-name", required=True)
@click.option("--role", "roles", multiple=True, help="Role code; repeat for several (e.g. --role admin).")
@click.option("--department", default=None, help="Department code.")
@click.option("--email", default=None)
@click.option("--password", default=None, help="Read from the prompt (or YECAI_NEW_PASSWORD) when left out.")
def users_create(username: str, display_name: str, roles: tuple[str, ...], department: str | None,
                 email: str | None, password: str | None) -> None:
    """Create a user (e.g. the first administrator)."""
    import os

    from sqlalchemy import select

    from yecai.actor import system_actor
    from yecai.auth.models import Role
    from yecai.auth.service import create_user
    from yecai.errors import DomainError
    from yecai.org.models import Department

    password = password or os.environ.get("YECAI_NEW_PASSWORD")
    if password is None:
        password = getpass.getpass("Password: ")

    async def run(session: AsyncSession) -> int:
        role_rows = {r.code: r.id for r in (await session.execute(select(Role))).scalars()}
        unknown = [r for r in roles if r not in role_rows]
        if unknown:
            raise click.UsageError(f"unknown role(s): {', '.join(unknown)}")
        department_id = None
        if department:
            department_id = (await session.execute(select(Department.id).where(Department.code == department))).scalar()
            if department_id is None:
                raise click.UsageError(f"unknown department code: {department}")
        user = await create_user(session, actor=system_actor("cli"), username=username, display_name=display_name,
                                 password=password, email=email, department_id=department_id,
                                 role_ids=[role_rows[r] for r in roles])
        return user.id

    try:
        user_id = _with_session(run)
    except DomainError as error:
        raise click.ClickException(error.message("en")) from None
    click.echo(f"user {username} created (id {user_id})")


if __name__ == "__main__":
    main()
