"""Where file contents live: one interface (`Storage`), local disk or an S3-compatible store.

Keys are random UUIDs chosen by the caller, never file names; what a key holds is known
from the row that names it (an attachment).
"""

from kindcentraal.storage.base import Storage, StorageError, storage_from_url

__all__ = ["Storage", "StorageError", "storage_from_url"]
