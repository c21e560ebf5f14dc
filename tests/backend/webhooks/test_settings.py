"""KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS is for a laptop: production refuses to start with it."""

import pytest

from kindcentraal.config import ProductionConfigError, Settings

PRODUCTION = {"env": "production", "database_url": "postgresql://db/kc", "secret_key": "s" * 48}


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_production_refuses_private_networks_for_webhooks() -> None:
    assert _settings(**PRODUCTION).webhooks_allow_private_networks is False
    with pytest.raises(ProductionConfigError, match="KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS"):
        _settings(**PRODUCTION, webhooks_allow_private_networks=True)
    assert _settings(env="development", webhooks_allow_private_networks=True)


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true")
    assert _settings(env="test").webhooks_allow_private_networks is True
