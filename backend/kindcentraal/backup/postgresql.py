"""PostgreSQL: pg_dump (custom format) of one exported snapshot, whose tables the manifest
counts and checksums in the same snapshot; pg_restore into an empty database."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from kindcentraal.backup.manifest import Contents, contents
from kindcentraal.backup.target import BackupRefused, Database, pg_program

FILE_NAME = "database.pgdump"

_USER_TABLES = text(
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg_toast%'"
)


async def _run(program: str, *args: str, env: dict[str, str]) -> None:
    process = await asyncio.create_subprocess_exec(
        program,
        *args,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    if process.returncode != 0:
        # pg_dump and pg_restore name objects and connection problems, never row contents.
        last = stderr.decode(errors="replace").strip().splitlines()[-3:]
        name = Path(program).name
        raise BackupRefused(f"{name} failed (exit {process.returncode}): " + " / ".join(last))


@asynccontextmanager
async def _connected(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection, or a refusal that says why there is none (server down, no database)."""
    try:
        connection = await engine.connect()
    except (OSError, DBAPIError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise BackupRefused(f"cannot connect to the database: {reason}") from None
    try:
        yield connection
    finally:
        await connection.close()


async def _snapshot_contents(connection: AsyncConnection) -> Contents:
    return await connection.run_sync(contents)


async def backup(database: Database, folder: Path, *, bindir: Path | None) -> tuple[Path, Contents]:
    pg_dump = pg_program("pg_dump", bindir)
    conninfo, env = database.libpq()
    target = folder / FILE_NAME
    engine = create_async_engine(database.async_url, poolclass=NullPool)
    try:
        async with _connected(engine) as connection:
            await connection.execution_options(isolation_level="REPEATABLE READ")
            async with connection.begin():
                await connection.execute(text("SET TRANSACTION READ ONLY"))
                snapshot = await connection.scalar(text("SELECT pg_export_snapshot()"))
                # pg_dump reads the snapshot this transaction exported, while it stays open:
                # the dump and the manifest describe the same moment, whatever commits meanwhile.
                dump = asyncio.create_task(
                    _run(
                        pg_dump,
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                        f"--dbname={conninfo}",
                        env=env,
                    )
                )
                try:
                    found = await _snapshot_contents(connection)
                finally:
                    await dump
    finally:
        await engine.dispose()
    return target, found


async def holds_tables(database: Database) -> bool:
    engine = create_async_engine(database.async_url, poolclass=NullPool)
    try:
        async with _connected(engine) as connection:
            return int(await connection.scalar(_USER_TABLES) or 0) > 0
    finally:
        await engine.dispose()


async def restore(
    file: Path, database: Database, *, replace: bool, bindir: Path | None
) -> Contents:
    pg_restore = pg_program("pg_restore", bindir)
    if await holds_tables(database) and not replace:
        raise BackupRefused(
            "the target database already holds tables; restore into a new, empty database "
            "(createdb), or pass --replace to drop and recreate what the backup holds"
        )
    conninfo, env = database.libpq()
    clean = ["--clean", "--if-exists"] if replace else []
    await _run(
        pg_restore,
        "--exit-on-error",
        "--single-transaction",
        "--no-owner",
        "--no-privileges",
        *clean,
        f"--dbname={conninfo}",
        str(file),
        env=env,
    )
    engine = create_async_engine(database.async_url, poolclass=NullPool)
    try:
        async with _connected(engine) as connection:
            await connection.execution_options(isolation_level="REPEATABLE READ")
            async with connection.begin():
                found = await _snapshot_contents(connection)
            # pg_restore brings no planner statistics back: without them the first queries
            # plan blind.
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
    return found
