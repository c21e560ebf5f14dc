"""The `kindcentraal` command: database, demo data, OpenAPI document, first admin."""

import asyncio
import getpass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from alembic import command
from alembic.config import Config

from kindcentraal.config import PROJECT_ROOT, get_settings

app = typer.Typer(
    help="KindCentraal administration.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks with locals could print personal data
)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
seed_app = typer.Typer(help="Example data.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(seed_app, name="seed")


def alembic_config(database_url: str | None = None) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "backend" / "migrations"))
    if database_url:
        # Programmatic use (tests, tools): leave the caller's logging configuration alone.
        config.attributes["database_url"] = database_url
        config.attributes["configure_logger"] = False
    return config


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Run the migrations up to REVISION (default: head), then refresh planner statistics."""
    from kindcentraal.db import Database, refresh_statistics

    command.upgrade(alembic_config(), revision)

    async def analyze() -> None:
        database = Database(get_settings().async_database_url)
        try:
            async with database.sessionmaker() as session, session.begin():
                await refresh_statistics(session)
        finally:
            await database.dispose()

    asyncio.run(analyze())


@db_app.command("downgrade")
def db_downgrade(revision: str) -> None:
    """Undo migrations down to REVISION."""
    command.downgrade(alembic_config(), revision)


@seed_app.command("demo")
def seed_demo() -> None:
    """Load the IKC De Regenboog demo data into an empty database."""
    from kindcentraal.seed.demo import DemoRefused, load_demo

    settings = get_settings()
    try:
        summary = asyncio.run(load_demo(settings))
    except DemoRefused as exc:
        typer.echo(f"Refused: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(summary)


@seed_app.command("load")
def seed_load(
    children: Annotated[
        int, typer.Option(min=1000, help="Children in all, the demo centre's included.")
    ] = 100_000,
    events: Annotated[
        int, typer.Option(min=0, help="Access-log events over the last two school years.")
    ] = 2_000_000,
    workers: Annotated[
        int | None,
        typer.Option(min=0, help="Processes building events (0: in-process; default: CPUs)."),
    ] = None,
) -> None:
    """Load a municipality-sized benchmark dataset (the demo centre and 39 more, sealed
    access log) into an empty database."""
    from kindcentraal.seed.load import LoadRefused, load

    try:
        summary = asyncio.run(
            load(
                get_settings(),
                children=children,
                events=events,
                workers=workers,
                progress=typer.echo,
            )
        )
    except LoadRefused as exc:
        typer.echo(f"Refused: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(summary.text())


@seed_app.command("trajectories")
def seed_trajectories(
    count: Annotated[int, typer.Option(min=1, max=100_000, help="Trajectories to add.")] = 2000,
) -> None:
    """Add support trajectories (every status, with goals) to the centre with the most
    children: the benchmark of the trajectory board and the one plan."""
    from kindcentraal.seed.trajectories import TrajectoriesRefused, load_trajectories

    try:
        loaded = asyncio.run(load_trajectories(get_settings(), count=count))
    except TrajectoriesRefused as exc:
        typer.echo(f"Refused: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(loaded.text())


@seed_app.command("rooms")
def seed_rooms_command(
    rooms: Annotated[int, typer.Option(min=1, max=500, help="Rooms in the building.")] = 40,
) -> None:
    """Add a building to the demo centre with this many rooms and a school year of bookings
    (six a weekday per room): the benchmark of the room calendar and the reports."""
    from kindcentraal.seed.rooms_load import RoomsRefused, load_rooms

    try:
        loaded = asyncio.run(load_rooms(get_settings(), rooms=rooms))
    except RoomsRefused as exc:
        typer.echo(f"Refused: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(loaded.text())


@app.command("openapi")
def openapi(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """Print the OpenAPI document as YAML (or write it to --output)."""
    from kindcentraal.openapi import openapi_yaml
    from kindcentraal.openapi_app import document_app

    text = openapi_yaml(document_app())
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text)


@app.command("authorization-doc")
def authorization_doc(
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Print (or write) docs/authorization.md from the declared policies."""
    import kindcentraal.api  # noqa: F401 - every router declares its policies on import
    from kindcentraal.policy.document import render

    text = render()
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text)


audit_app = typer.Typer(help="The access log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check every seal of the access log and every event not yet sealed; name the first
    broken one."""
    from kindcentraal.audit.service import Verification, verify_log
    from kindcentraal.db import Database

    async def run() -> Verification:
        database = Database(get_settings().async_database_url)
        try:
            async with database.sessionmaker() as session:
                return await verify_log(session)
        finally:
            await database.dispose()

    result = asyncio.run(run())
    broken = result.broken
    if broken is None:
        typer.echo(f"Access log intact: {result.checked} events verified.")
        typer.echo(
            f"{result.sealed} sealed, {result.checked - result.sealed} waiting for the sealer."
        )
        for tenant_id, (number, head) in sorted(result.heads.items(), key=lambda h: str(h[0])):
            typer.echo(f"tenant {tenant_id}: seal {number}, head {head}")
        return
    where = f"seal {broken.seal}" if broken.seal is not None else "not yet sealed"
    typer.echo(
        f"Access log BROKEN after {result.checked} good events: tenant {broken.tenant_id}, "
        f"{where}, event {broken.event_id or '-'}: {broken.reason}",
        err=True,
    )
    raise typer.Exit(code=1)


@audit_app.command("seal")
def audit_seal() -> None:
    """Seal every access-log event still waiting for the sealer (the API does this itself)."""
    from kindcentraal.audit.writer import seal_all
    from kindcentraal.db import Database

    async def run() -> int:
        database = Database(get_settings().async_database_url)
        try:
            return await seal_all(database.sessionmaker)
        finally:
            await database.dispose()

    typer.echo(f"Sealed {asyncio.run(run())} events.")


@app.command("bsn-index")
def bsn_index() -> None:
    """Build the unique index on (municipality, BSN) that the child-identity migration left
    out because a BSN was registered twice; refused (exit 1, counts only) while any is."""
    from kindcentraal.child.identity import build_bsn_index
    from kindcentraal.db import Database

    async def run() -> int:
        database = Database(get_settings().async_database_url)
        try:
            async with database.sessionmaker() as session, session.begin():
                return await build_bsn_index(session)
        finally:
            await database.dispose()

    twice = asyncio.run(run())
    if twice:
        typer.echo(
            f"{twice} BSN(s) are registered for more than one child; merge those records "
            "first (docs/erasure.md).",
            err=True,
        )
        raise typer.Exit(code=1)
    typer.echo("One child per BSN in each municipality: the unique index is in place.")


retention_app = typer.Typer(help="The retention schedule's purge.", no_args_is_help=True)
app.add_typer(retention_app, name="retention")


@retention_app.command("run")
def retention_run(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count what would go per category; change nothing.")
    ] = False,
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="Rows per transaction.")] = 500,
    as_of: Annotated[
        datetime | None,
        typer.Option(
            "--as-of",
            formats=["%Y-%m-%d"],
            help="Judge the terms as on this day: with --dry-run, what will have gone by then; "
            "a real run only outside production (benchmarks).",
        ),
    ] = None,
) -> None:
    """Erase or de-identify what is past its term in every tenant's retention schedule (the
    worker does this nightly); children under a legal hold are never touched."""
    from kindcentraal.db import Database
    from kindcentraal.retention.service import RunReport, run_retention, transactions
    from kindcentraal.storage.dependency import storage_for

    settings = get_settings()
    now = as_of.replace(tzinfo=UTC) if as_of is not None else None
    if now is not None and not dry_run and settings.env == "production":
        typer.echo("Refused: --as-of purges before the term; in production only with --dry-run.")
        raise typer.Exit(code=1)

    async def run() -> RunReport:
        database = Database(settings.async_database_url)
        try:
            return await run_retention(
                transactions(database.sessionmaker),
                now=now,
                dry_run=dry_run,
                batch=batch,
                storage=storage_for(settings),
                progress=typer.echo,
            )
        finally:
            await database.dispose()

    typer.echo(asyncio.run(run()).text())


rooms_app = typer.Typer(help="The centre's rooms.", no_args_is_help=True)
app.add_typer(rooms_app, name="rooms")


@rooms_app.command("release")
def rooms_release() -> None:
    """Release the bookings nobody checked in, in rooms that require it (the API does this
    itself every `KC_ROOMS_RELEASE_INTERVAL_SECONDS`)."""
    from kindcentraal.db import Database
    from kindcentraal.rooms.service import release_no_shows

    async def run() -> int:
        database = Database(get_settings().async_database_url)
        try:
            async with database.sessionmaker() as session, session.begin():
                return await release_no_shows(session)
        finally:
            await database.dispose()

    typer.echo(f"Released {asyncio.run(run())} bookings nobody checked in.")


@app.command("worker")
def worker(
    once: Annotated[
        bool, typer.Option(help="Stop when no mail is due any more (for scripts and tests).")
    ] = False,
) -> None:
    """Run the background work: deliver e-mail from the outbox over KC_SMTP_URL, seal the
    access log, release unused room bookings, queue the weekly digest."""
    import logging

    import kindcentraal.models  # noqa: F401 - every mapper, and the change log's flush hook
    from kindcentraal.outbox.delivery import parse_smtp_url
    from kindcentraal.outbox.worker import Worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = get_settings()
    if settings.smtp_url is None:
        typer.echo("KC_SMTP_URL is not set: e-mail stays queued in the outbox.", err=True)
    else:
        parse_smtp_url(settings.smtp_url)
    asyncio.run(Worker(settings).run(once=once))


@app.command("dev-mail")
def dev_mail(
    folder: Annotated[Path, typer.Option(help="Where mails are kept (a Maildir).")] = Path(
        "var/mail"
    ),
    smtp_port: Annotated[int, typer.Option()] = 1025,
    http_port: Annotated[int, typer.Option()] = 8025,
) -> None:
    """A local SMTP server for development: keeps every mail under FOLDER and shows them at
    http://127.0.0.1:HTTP_PORT. Point the worker at it with
    KC_SMTP_URL=smtp://127.0.0.1:1025?tls=none."""
    from kindcentraal.outbox import devmail

    typer.echo(f"Development mail: smtp://127.0.0.1:{smtp_port}, stored in {folder}, ")
    typer.echo(f"read at http://127.0.0.1:{http_port}")
    devmail.run(folder, smtp_port=smtp_port, http_port=http_port)


@app.command("digest")
def digest() -> None:
    """Queue the weekly digest of the week that ended last Monday 07:00 (Amsterdam); the
    worker does this itself, and a digest is never queued twice."""
    from kindcentraal.db import Database
    from kindcentraal.outbox.worker import queue_digests

    async def run() -> int:
        database = Database(get_settings().async_database_url)
        try:
            return await queue_digests(database.sessionmaker)
        finally:
            await database.dispose()

    typer.echo(f"Queued {asyncio.run(run())} weekly digests.")


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True)],
    name: Annotated[str, typer.Option(prompt="Display name")],
    tenant: Annotated[str, typer.Option(help="Tenant slug; created when missing.")] = "huizen",
    tenant_name: Annotated[str, typer.Option()] = "Gemeente Huizen",
    organisation: Annotated[str, typer.Option(help="Organisation of the admin.")] = "Centrumbeheer",
) -> None:
    """Create a centre administrator (asks for the password)."""
    from kindcentraal.seed.admin import create_centre_admin

    password = getpass.getpass("Password (at least 12 characters): ")
    if len(password) < 12:
        typer.echo("The password must have at least 12 characters.", err=True)
        raise typer.Exit(code=1)
    message = asyncio.run(
        create_centre_admin(
            get_settings(),
            email=email,
            display_name=name,
            password=password,
            tenant_slug=tenant,
            tenant_name=tenant_name,
            organisation_name=organisation,
        )
    )
    typer.echo(message)


PgBindir = Annotated[
    Path | None,
    typer.Option(
        envvar="KC_PG_BINDIR",
        help="Where pg_dump and pg_restore are (default: the newest /usr/lib/postgresql/*/bin, "
        "else the PATH).",
    ),
]


@app.command("backup")
def backup(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A new (or empty) folder for the backup.")
    ],
    database_url: Annotated[
        str | None, typer.Option(help="The database to back up (default: KC_DATABASE_URL).")
    ] = None,
    pg_bindir: PgBindir = None,
) -> None:
    """Back up the database while the API runs (SQLite: online backup API; PostgreSQL:
    pg_dump), with a manifest of row counts and checksums per table and the access log's
    sealed heads. See docs/backup.md."""
    from kindcentraal.backup.service import backup as run_backup
    from kindcentraal.backup.target import BackupRefused

    try:
        done = run_backup(database_url or get_settings().database_url, output, pg_bindir=pg_bindir)
    except BackupRefused as exc:
        typer.echo(f"Backup failed: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(done.text())


@app.command("restore")
def restore(
    folder: Annotated[Path, typer.Argument(help="A folder written by `kindcentraal backup`.")],
    database_url: Annotated[
        str | None,
        typer.Option(help="The new, empty database to restore into (default: KC_DATABASE_URL)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option(help="Overwrite a database that already holds tables.")
    ] = False,
    pg_bindir: PgBindir = None,
) -> None:
    """Restore a backup into an empty database, then check every table against the manifest.
    Exit 1: refused or failed; exit 2: restored, but it does not match the manifest."""
    from kindcentraal.backup.service import restore as run_restore
    from kindcentraal.backup.target import BackupRefused

    try:
        done = run_restore(
            folder,
            database_url or get_settings().database_url,
            replace=replace,
            pg_bindir=pg_bindir,
        )
    except BackupRefused as exc:
        typer.echo(f"Restore refused: {exc}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(done.text())
    for problem in done.problems:
        typer.echo(f"  {problem}", err=True)
    if not done.matches:
        raise typer.Exit(code=2)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
