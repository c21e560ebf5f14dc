"""The API app as documented: built with default settings, so openapi.yaml is reproducible."""

from fastapi import FastAPI

from kindcentraal.config import Settings
from kindcentraal.db import Database


def document_app() -> FastAPI:
    from kindcentraal.main import create_api

    settings = Settings(_env_file=None, database_url="sqlite:///:memory:")
    return create_api(settings, Database(settings.async_database_url))
