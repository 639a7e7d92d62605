"""The ``yecai`` command: serve | worker | db | seed | schema | audit | users | search."""

from __future__ import annotations

import asyncio
import getpass
import os
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
    stop_checkpointer = _serve_checkpointer(settings)
    try:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False)
    finally:
        stop_checkpointer()


def _serve_checkpointer(settings: Any) -> Callable[[], None]:
    """The audit checkpointer beside the server, unless YECAI_AUDIT_CHECKPOINTER=external."""
    if settings.audit_checkpointer != "serve":
        return lambda: None
    from yecai.audit.checkpointer import start_in_thread

    return start_in_thread(settings, keyring=_keyring())


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
            await _anchor_checkpoint(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    click.echo("database is up to date")


async def _anchor_checkpoint(engine: Any) -> None:
    """After migrating, sign the audit chain's head: the checkpoint that anchors where keyed events begin."""
    from yecai.audit.checkpointer import CheckpointRefused, consistent_connection, write_checkpoint
    from yecai.audit.checkpoints import CheckpointFileError

    settings = get_settings()
    try:
        async with consistent_connection(engine) as conn:
            outcome = await write_checkpoint(conn, keyring=_keyring(), path=settings.resolved_audit_checkpoint_file)
    except (CheckpointRefused, CheckpointFileError) as error:
        click.echo(f"warning: audit checkpoint not written: {error}", err=True)
        return
    if outcome.written is not None:
        click.echo(f"audit checkpoint {outcome.written.n} written: event {outcome.written.seq}")


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


def _audit_engine() -> Any:
    from yecai.db import make_engine

    return make_engine(get_settings().resolved_database_url)


def _keyring() -> Any:
    from yecai.audit.keys import AuditKeyError, current_keyring

    try:
        return current_keyring()
    except AuditKeyError as error:
        raise click.ClickException(str(error)) from None


@audit.command("verify")
@click.option("--checkpoints", "checkpoint_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Hold the chain to this checkpoint file (e.g. a copy kept off the host) instead of the data "
                   "directory's (YECAI_AUDIT_CHECKPOINT_FILE).")
def audit_verify(checkpoint_file: Path | None) -> None:
    """Check the keyed hash chain against every checkpoint; exit 1 naming the first event (or
    checkpoint) that does not match."""
    from yecai.audit.checkpointer import consistent_connection
    from yecai.audit.service import verify_chain

    keyring = _keyring()
    path = checkpoint_file or get_settings().resolved_audit_checkpoint_file

    async def run() -> Any:
        engine = _audit_engine()
        try:
            async with consistent_connection(engine) as conn:
                return await verify_chain(conn, keyring=keyring, checkpoint_file=path)
        finally:
            await engine.dispose()

    result = asyncio.run(run())
    keys = ", ".join(f"{kid} ({count})" for kid, count in result.by_key.items()) or "none"
    if result.first_bad_seq is None:
        click.echo(f"audit chain holds: {result.checked} events verified "
                   f"({result.unkeyed} unkeyed from before the chain was keyed; keyed by {keys})")
    else:
        click.echo(f"audit chain broken at event {result.first_bad_seq}: {result.reason} "
                   f"({result.checked} events before it verified)", err=True)
    last = result.last_checkpoint
    if last is None and result.checkpoint_problem is None:
        click.echo(f"checkpoints: none in {path}; a deleted tail cannot be told apart from a shorter chain "
                   "(run `yecai audit checkpoint`)")
    elif last is not None:
        after = max(result.end_seq - last.seq, 0)
        click.echo(f"checkpoints: {result.checkpoints} held in {path}; the last, checkpoint {last.n} of {last.at}: "
                   f"event {last.seq}, hash {last.hash}, signed by key {last.kid}"
                   + (f"; {after} events after it are protected by the key alone" if result.ok else ""))
    if result.checkpoint_problem is not None:
        click.echo(f"audit checkpoints broken at {path} {result.checkpoint_problem}", err=True)
    if not result.ok:
        sys.exit(1)


@audit.command("checkpoint")
@click.option("--watch", is_flag=True, help="Keep running: write one every YECAI_AUDIT_CHECKPOINT_EVENTS events "
                                            "or YECAI_AUDIT_CHECKPOINT_MINUTES minutes.")
@click.option("--every-events", type=click.IntRange(min=1), default=None, help="With --watch: N events.")
@click.option("--every-minutes", type=click.FloatRange(min=0, min_open=True), default=None,
              help="With --watch: M minutes.")
@click.option("--poll-seconds", type=click.FloatRange(min=0.01), default=5.0, show_default=True,
              help="With --watch: how often the head is looked at.")
def audit_checkpoint(watch: bool, every_events: int | None, every_minutes: float | None, poll_seconds: float) -> None:
    """Verify the events since the last checkpoint and append a signed checkpoint of the head to the
    checkpoint file; prints the line, for the operator to keep elsewhere too."""
    import threading

    from yecai.audit.checkpointer import run_checkpointer

    settings = get_settings()
    keyring = _keyring()
    path = settings.resolved_audit_checkpoint_file

    async def forever() -> None:
        engine = _audit_engine()
        try:
            await run_checkpointer(engine, keyring=keyring, path=path,
                                   every_events=every_events or settings.audit_checkpoint_events,
                                   every_minutes=every_minutes or settings.audit_checkpoint_minutes,
                                   stop=threading.Event(), poll_seconds=poll_seconds)
        finally:
            await engine.dispose()

    if watch:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        click.echo(f"writing audit checkpoints to {path} (Ctrl-C stops)")
        try:
            asyncio.run(forever())
        except KeyboardInterrupt:
            pass
        return
    sys.exit(_checkpoint_once(keyring, path))


def _checkpoint_once(keyring: Any, path: Path) -> int:
    """Write one checkpoint (printing its line); the exit status."""
    from yecai.audit.checkpointer import CheckpointRefused, consistent_connection, write_checkpoint
    from yecai.audit.checkpoints import CheckpointFileError

    async def once() -> Any:
        engine = _audit_engine()
        try:
            async with consistent_connection(engine) as conn:
                return await write_checkpoint(conn, keyring=keyring, path=path)
        finally:
            await engine.dispose()

    try:
        outcome = asyncio.run(once())
    except CheckpointRefused as error:
        click.echo(f"{error} ({error.result.checked} events after the last checkpoint verified); "
                   "no checkpoint written", err=True)
        return 1
    except CheckpointFileError as error:
        click.echo(f"audit checkpoints broken at {path} {error.problem}; no checkpoint written", err=True)
        return 1
    if outcome.written is None:
        click.echo(f"no new events since checkpoint {outcome.last.n} (event {outcome.last.seq}); nothing written",
                   err=True)
        click.echo(outcome.last.line)
        return 0
    click.echo(f"audit checkpoint {outcome.written.n} written to {path}: event {outcome.written.seq} "
               f"({outcome.verified.checked} new events verified)", err=True)
    click.echo(outcome.written.line)
    return 0


@audit.command("rotate-key")
def audit_rotate_key() -> None:
    """Seal the chain with a checkpoint under the current audit key, then add a new current key to the
    data directory's keyring (the old one stays, to verify what it hashed). Restart the workers after."""
    from yecai.audit.keys import AuditKeyError, rotate_keyring_file

    settings = get_settings()
    env_key, _ = settings.audit_secrets()
    if env_key is not None:
        raise click.ClickException(
            "the audit key comes from YECAI_AUDIT_KEY, so it is rotated there: run `yecai audit checkpoint`, "
            "append the current key to YECAI_AUDIT_OLD_KEYS (comma-separated), set YECAI_AUDIT_KEY to a new "
            "secret of 32 characters or more (e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`) "
            "on every worker and every machine that runs `yecai audit verify`, and restart the workers")
    keyring = _keyring()
    if _checkpoint_once(keyring, settings.resolved_audit_checkpoint_file) != 0:
        click.echo("warning: rotating the key all the same; find out why the chain does not verify", err=True)
    old = keyring.current
    try:
        new = rotate_keyring_file(settings)
    except AuditKeyError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"audit key rotated in {settings.audit_keyring_file}: {old.kid} retired, {new.kid} current. "
               "Restart the workers: until then they keep hashing with the old key, which stays verifiable.")


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




@main.group()
def search() -> None:
    """The search index."""


def _search_runtime() -> tuple[Any, Any, Any]:
    from yecai.db import make_engine, make_session_factory

    settings = get_settings()
    engine = make_engine(settings.resolved_database_url)
    return settings, engine, make_session_factory(engine)


@search.command("status")
def search_status() -> None:
    """Show the engine, the documents per kind, the backlog and the worker."""
    from yecai.actor import system_actor
    from yecai.search import runtime, service

    settings, engine, sessions = _search_runtime()

    async def run() -> Any:
        try:
            async with sessions() as session:
                return await service.status(session, actor=system_actor("cli"), engine=runtime.engine_for(settings))
        finally:
            await runtime.close_all()
            await engine.dispose()

    status = asyncio.run(run())
    click.echo(f"engine: {status.engine}" + (f"  (unavailable: {status.error})" if status.error else ""))
    for kind, count in status.documents.items():
        click.echo(f"  {kind:<18} {count:>9,}")
    click.echo(f"backlog: {status.backlog:,}" + (f" (oldest {status.oldest_pending_at:%Y-%m-%d %H:%M:%S} UTC)"
                                                 if status.oldest_pending_at else ""))
    w = status.worker
    if w is not None:
        click.echo(f"worker: {w.holder or 'none'}; applied {w.applied:,}; failures in a row {w.failures}")
        if w.last_error:
            click.echo(f"last error ({w.last_error_at:%Y-%m-%d %H:%M:%S} UTC): {w.last_error}")


@search.command("reindex")
@click.option("--kind", "kinds", multiple=True, help="Only this kind (repeatable); every kind when left out.")
def search_reindex(kinds: tuple[str, ...]) -> None:
    """Rebuild the index from the database: queue every object, then apply the queue (unless a server's worker does)."""
    from yecai.actor import system_actor
    from yecai.errors import DomainError
    from yecai.search import runtime, service
    from yecai.search.worker import BATCH, apply_outbox, backlog, release_lease, take_lease

    settings, engine, sessions = _search_runtime()

    async def run() -> None:
        search_engine = runtime.engine_for(settings)
        holder = f"cli:{os.getpid()}"
        try:
            async with sessions() as session:
                try:
                    queued = await service.rebuild(session, actor=system_actor("cli"), kinds=list(kinds) or None)
                except DomainError as error:
                    raise click.ClickException(error.message("en")) from None
                await session.commit()
            click.echo(f"{queued:,} objects queued")
            async with sessions() as session:
                if not await take_lease(session, holder, 300):
                    click.echo("a running worker holds the index; it will apply the queue (see `yecai search status`)")
                    return
                total = await backlog(session)
            with click.progressbar(length=total, label="indexing") as bar:
                while True:
                    async with sessions() as session:
                        if not await take_lease(session, holder, 300):
                            raise click.ClickException("another worker took the index over")
                        done = await apply_outbox(session, search_engine, limit=BATCH)
                        await session.commit()
                    bar.update(done.rows)
                    if done.rows < BATCH:
                        break
            async with sessions() as session:
                await release_lease(session, holder)
            click.echo(f"index: {sum((await search_engine.counts()).values()):,} documents")
        finally:
            await runtime.close_all()
            await engine.dispose()

    asyncio.run(run())


@search.command("worker")
def search_worker() -> None:
    """Apply the search outbox in this process (with YECAI_SEARCH_WORKER=external for the servers) until stopped."""
    import signal

    from yecai.search import runtime
    from yecai.search.service import prepare
    from yecai.search.worker import OutboxWorker

    settings, engine, sessions = _search_runtime()

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        search_engine = runtime.engine_for(settings)
        try:
            await prepare(sessions, search_engine)
            click.echo(f"search worker on {search_engine.name}; stop with Ctrl+C")
            await OutboxWorker(sessions, search_engine).run(stop)
        finally:
            await runtime.close_all()
            await engine.dispose()

    asyncio.run(run())


@main.command()
@click.option("--once", is_flag=True, help="Run every job that is due (catching up on missed time nodes) and exit.")
def worker(once: bool) -> None:
    """Run the scheduled jobs in this process (with YECAI_SCHEDULER=external for the servers) until stopped.

    Jobs run once across workers: several `yecai worker` or `yecai serve` processes on one PostgreSQL never
    run one time node twice. The e-mails the jobs retry are sent from here.
    """
    import signal

    from yecai import manifest
    from yecai.db import make_engine, make_session_factory
    from yecai.notifications.runtime import NotificationRuntime
    from yecai.scheduler.runner import Scheduler, run_due

    settings = get_settings()
    manifest.domains()
    engine = make_engine(settings.resolved_database_url)
    sessions = make_session_factory(engine)

    async def run() -> None:
        notifications = NotificationRuntime(settings, sessions)
        await notifications.start()
        try:
            if once:
                for outcome in await run_due(sessions, settings=settings):
                    click.echo(f"{outcome.job}: {outcome.status}" + (f" ({outcome.result})" if outcome.result else "")
                               + (f" — {outcome.error}" if outcome.error else ""))
                return
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            scheduler = Scheduler(sessions, settings)
            await scheduler.start()
            names = ", ".join(j.name for j in scheduler.jobs) or "none"
            click.echo(f"yecai worker: scheduled jobs {names}; broker {notifications.hub.backend}; stop with Ctrl+C")
            try:
                await stop.wait()
            finally:
                await scheduler.stop()
        finally:
            await notifications.stop()
            await engine.dispose()

    asyncio.run(run())


if __name__ == "__main__":
    main()
