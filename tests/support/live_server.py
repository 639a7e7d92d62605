"""A real ``yecai serve`` process for browser, HTTP-conformance and benchmark runs.

Use it in three ways:

* as a pytest plugin (``pytest_plugins = ["tests.support.live_server"]`` in
  ``tests/conftest.py``, or ``-p tests.support.live_server`` on the command line):
  tests request the session-scoped ``live_server`` fixture and get the base URL,
  e.g. ``"http://127.0.0.1:41234"`` (a ``str`` with extra attributes, see
  :class:`LiveServerURL`);
* as a context manager anywhere else::

      with run_live_server() as url:
          httpx.get(url.graphql_url, ...)

* from the benchmark (``bench/http_bench.py``), with a PostgreSQL database through
  :func:`fresh_postgres_database`.

Each server gets its own temporary data directory (SQLite file and secrets), a fresh
``YECAI_SECRET_KEY``, ``yecai db upgrade`` and ``yecai seed demo`` with ``YECAI_DEMO=1``,
and a free port on 127.0.0.1. ``YECAI_*`` variables of the calling shell are *not*
passed on (a developer's ``YECAI_DATABASE_URL`` must never receive test data); pass
``env=`` for extra settings.

Knobs (environment of the test run):

* ``YECAI_LIVE_SERVER_TIMEOUT`` — seconds to wait for ``/healthz`` (default 90).
* ``YECAI_LIVE_SERVER_DATABASE_URL`` — a PostgreSQL URL; the fixture then creates a
  fresh database on that server for its run and drops it afterwards.
* ``YECAI_LIVE_SERVER_KEEP=1`` — keep the data directory (its path is printed).
* ``YECAI_LIVE_SERVER_LOG_LINES`` — how many log lines to show on failure (default 200).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_HOST = "127.0.0.1"

# Every server started in this process, for the failure summary at the end of a run.
_STARTED: list[LiveServerURL] = []


class LiveServerError(RuntimeError):
    """The server could not be prepared or started; the message carries its log."""


class LiveServerURL(str):
    """The base URL (no trailing slash) with the facts a test may want."""

    host: str
    port: int
    data_dir: Path
    log_path: Path
    database_url: str | None
    pid: int | None
    returncode: int | None
    _final_log: str | None

    def __new__(
        cls,
        host: str,
        port: int,
        data_dir: Path,
        log_path: Path,
        database_url: str | None,
    ) -> LiveServerURL:
        self = super().__new__(cls, f"http://{host}:{port}")
        self.host = host
        self.port = port
        self.data_dir = data_dir
        self.log_path = log_path
        self.database_url = database_url
        self.pid = None  # the server process (``yecai serve``), once started
        self.returncode = None
        self._final_log = None
        return self

    @property
    def graphql_url(self) -> str:
        return f"{self}/graphql"

    @property
    def healthz_url(self) -> str:
        return f"{self}/healthz"

    def log_text(self) -> str:
        """Everything the CLI steps and the server printed so far."""
        if self._final_log is not None:
            return self._final_log
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int | None = None) -> str:
        if lines is None:
            lines = int(os.environ.get("YECAI_LIVE_SERVER_LOG_LINES", "200"))
        return "\n".join(self.log_text().splitlines()[-lines:])


def yecai_command() -> list[str]:
    """How to call the ``yecai`` CLI of the interpreter running the tests."""
    override = os.environ.get("YECAI_BIN")
    if override:
        return [override]
    beside = Path(sys.executable).parent / "yecai"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("yecai")
    if found:
        return [found]
    return [
        sys.executable,
        "-c",
        "import sys; from yecai.cli import main; sys.argv[0] = 'yecai'; sys.exit(main())",
    ]


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def server_environment(
    data_dir: Path,
    database_url: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment for CLI steps and the server: no inherited ``YECAI_*``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YECAI_")}
    env.update(
        {
            "YECAI_ENV": "test",
            "YECAI_DATA_DIR": str(data_dir),
            "YECAI_DEMO": "1",
            "YECAI_SECRET_KEY": secrets.token_urlsafe(48),
            "PYTHONUNBUFFERED": "1",
        }
    )
    if database_url:
        env["YECAI_DATABASE_URL"] = database_url
    if extra:
        env.update(extra)
    return env


def run_cli(
    args: list[str],
    env: Mapping[str, str],
    log_path: Path,
    timeout: float = 300,
) -> str:
    """Run ``yecai ARGS``, append its output to the log, raise with it on failure."""
    cmd = [*yecai_command(), *args]
    with log_path.open("a") as log:
        log.write(f"$ yecai {' '.join(args)}\n")
    try:
        proc = subprocess.run(
            cmd,
            env=dict(env),
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.output or ""
        if isinstance(out, bytes):
            out = out.decode(errors="replace")
        raise LiveServerError(
            f"`yecai {' '.join(args)}` timed out after {timeout}s:\n{out}"
        ) from exc
    except FileNotFoundError as exc:
        raise LiveServerError(
            f"cannot run {cmd[0]!r}: is the package installed (`make .venv` / "
            "scripts/ensure-python.sh)?"
        ) from exc
    with log_path.open("a") as log:
        log.write(proc.stdout)
    if proc.returncode != 0:
        raise LiveServerError(
            f"`yecai {' '.join(args)}` exited with {proc.returncode}:\n{proc.stdout}"
        )
    return proc.stdout


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> int:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=grace)
    # Reap anything the server left in its process group (reload workers and the like).
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode


@contextlib.contextmanager
def run_live_server(
    *,
    data_dir: Path | str | None = None,
    database_url: str | None = None,
    env: Mapping[str, str] | None = None,
    seed: bool = True,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    startup_timeout: float | None = None,
    keep_data_dir: bool | None = None,
) -> Iterator[LiveServerURL]:
    """Prepare a data directory, migrate, seed the demo, serve; yield the base URL.

    Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the temporary data
    directory on exit. Raises :class:`LiveServerError` (with the log) if any step fails.
    """
    if startup_timeout is None:
        startup_timeout = float(os.environ.get("YECAI_LIVE_SERVER_TIMEOUT", "90"))
    if keep_data_dir is None:
        keep_data_dir = os.environ.get("YECAI_LIVE_SERVER_KEEP") == "1"

    owns_dir = data_dir is None
    root = Path(tempfile.mkdtemp(prefix="yecai-live-")) if owns_dir else Path(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    log_path = root / "server.log"
    log_path.touch()
    server_env = server_environment(root, database_url, env)
    url: LiveServerURL | None = None
    proc: subprocess.Popen[bytes] | None = None
    try:
        run_cli(["db", "upgrade"], server_env, log_path)
        if seed:
            run_cli(["seed", "demo"], server_env, log_path)

        attempts = 1 if port else 3
        for attempt in range(attempts):
            chosen = port or free_port(host)
            url = LiveServerURL(host, chosen, root, log_path, database_url)
            with log_path.open("a") as log:
                log.write(f"$ yecai serve --host {host} --port {chosen}\n")
                log.flush()
                proc = subprocess.Popen(
                    [*yecai_command(), "serve", "--host", host, "--port", str(chosen)],
                    env=server_env,
                    cwd=REPO_ROOT,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
                url.pid = proc.pid
            deadline = time.monotonic() + startup_timeout
            while time.monotonic() < deadline:
                if proc.poll() is not None or _healthy(url.healthz_url):
                    break
                time.sleep(0.1)
            if proc.poll() is None and _healthy(url.healthz_url):
                break
            code = _stop(proc)
            text = url.log_text()
            proc = None
            if "address already in use" in text.lower() and attempt + 1 < attempts:
                continue  # lost the race for the port: try another
            why = (
                f"exited with {code}"
                if code is not None and time.monotonic() < deadline
                else f"did not answer {url.healthz_url} with 200 within {startup_timeout:.0f}s"
            )
            raise LiveServerError(f"yecai serve {why}. Log ({log_path}):\n{url.log_tail()}")

        assert url is not None
        _STARTED.append(url)
        yield url
    except BaseException as exc:
        if not isinstance(exc, (LiveServerError, GeneratorExit)) and url is not None:
            sys.stderr.write(
                f"\n----- yecai live server log ({log_path}) -----\n{url.log_tail()}\n"
            )
        raise
    finally:
        if proc is not None:
            code = _stop(proc)
            if url is not None:
                url.returncode = code
        if url is not None:
            url._final_log = url.log_text()
        if owns_dir:
            if keep_data_dir:
                sys.stderr.write(f"\nyecai live server data kept in {root}\n")
            else:
                shutil.rmtree(root, ignore_errors=True)


# --------------------------------------------------------------------------- PostgreSQL


def _plain_dsn(sqlalchemy_url: str) -> str:
    scheme, rest = sqlalchemy_url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else sqlalchemy_url


def _with_database(sqlalchemy_url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(sqlalchemy_url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


@contextlib.contextmanager
def fresh_postgres_database(server_url: str, prefix: str = "yecai_live") -> Iterator[str]:
    """Create an empty database on the server of ``server_url``; yield its URL; drop it.

    ``server_url`` is a ``postgresql+asyncpg://`` URL to any database the user may
    connect to and whose role may ``CREATE DATABASE``.
    """
    import asyncio

    import asyncpg  # a runtime dependency of the backend

    name = f"{prefix}_{secrets.token_hex(6)}"

    async def execute(sql: str) -> None:
        conn = await asyncpg.connect(_plain_dsn(server_url))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(execute(f'CREATE DATABASE "{name}"'))
    try:
        yield _with_database(server_url, name)
    finally:
        asyncio.run(execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# --------------------------------------------------------------------------- pytest plugin


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServerURL]:
    """A seeded demo server for the whole test session; yields its base URL."""
    pg = os.environ.get("YECAI_LIVE_SERVER_DATABASE_URL")
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(fresh_postgres_database(pg)) if pg else None
        yield stack.enter_context(run_live_server(database_url=database_url))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """On a failed run, or when a server crashed, show each live server's log."""
    for url in _STARTED:
        crashed = url.returncode not in (None, 0, -signal.SIGTERM)
        if exitstatus == 0 and not crashed:
            continue
        title = f"yecai live server {url} log"
        if crashed:
            title += f" (exited with {url.returncode})"
        terminalreporter.section(title, sep="-")
        terminalreporter.line(url.log_tail())
