"""SQLite reads on the event loop's own thread: the `sqlite+inline://` async dialect.

aiosqlite runs every statement on a worker thread and hands the result back through the
event loop. A read on this database takes tens of microseconds; the hand-over and the GIL
traffic between the threads cost about a millisecond a statement under load (measured in
docs/performance.md), and that convoy was most of the time of a request.

This dialect is the standard pysqlite dialect declared usable from SQLAlchemy's asyncio
layer: a statement runs inline, inside the greenlet that AsyncSession already opens, and never
needs to await. It is only for the read-only engine: a read in WAL mode takes no lock and
never waits for the writer, so it cannot stall the loop on a busy database. Writes, which wait
for the write lock and for fsync, stay off the loop.
"""

import sqlite3
from typing import Any

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL


class InlineCursor(sqlite3.Cursor):
    """A pysqlite cursor with the one hook the asyncio result layer calls on every result."""

    async def _async_soft_close(self) -> None:
        return None


class InlineConnection(sqlite3.Connection):
    def cursor(self, factory: Any = InlineCursor) -> Any:
        return super().cursor(factory)


class SQLiteDialect_inline(SQLiteDialect_pysqlite):
    driver = "inline"
    is_async = True
    supports_statement_cache = True

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        if cls._is_url_file_db(url):
            return pool.AsyncAdaptedQueuePool
        return pool.StaticPool

    def create_connect_args(self, url: URL) -> Any:
        args, kwargs = super().create_connect_args(url)
        kwargs["factory"] = InlineConnection
        return args, kwargs


registry.register("sqlite.inline", __name__, "SQLiteDialect_inline")


def inline_url(url: str) -> str:
    """The same SQLite database through this dialect (`sqlite+aiosqlite:///x` → `sqlite+inline:///x`)."""
    scheme, rest = url.split(":", 1)
    return "sqlite+inline:" + rest if scheme.startswith("sqlite") else url


def sync_url(url: str) -> str:
    """The same SQLite database through the standard synchronous driver."""
    scheme, rest = url.split(":", 1)
    return "sqlite:" + rest if scheme.startswith("sqlite") else url
