import pytest

from kindcentraal.config import ProductionConfigError, Settings


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_production_refuses_missing_or_placeholder_secret() -> None:
    with pytest.raises(ProductionConfigError):
        _settings(env="production", database_url="postgresql://db/kc")
    with pytest.raises(ProductionConfigError):
        _settings(env="production", database_url="postgresql://db/kc", secret_key="change-me")


def test_production_refuses_sqlite_unless_allowed() -> None:
    secret = "s" * 48
    with pytest.raises(ProductionConfigError):
        _settings(env="production", secret_key=secret)
    allowed = _settings(env="production", secret_key=secret, allow_sqlite_in_production=True)
    assert allowed.is_sqlite


def test_driver_is_chosen_from_the_scheme() -> None:
    assert (
        _settings(database_url="sqlite:///var/x.db").async_database_url
        == "sqlite+aiosqlite:///var/x.db"
    )
    assert (
        _settings(database_url="postgresql://u@h/kc").async_database_url
        == "postgresql+asyncpg://u@h/kc"
    )


def test_development_secret_is_generated_once(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kindcentraal.config as config

    monkeypatch.setattr(config, "VAR_DIR", tmp_path)
    first = _settings().resolved_secret_key()
    assert len(first) >= 43
    assert _settings().resolved_secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
