"""The committed contract equals what the app serves, and follows the design rules."""

from pathlib import Path

import yaml

from kindcentraal.openapi import openapi_yaml
from kindcentraal.openapi_app import document_app

ROOT = Path(__file__).resolve().parents[2]
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def _document() -> dict:
    return yaml.safe_load(openapi_yaml(document_app()))


def test_committed_openapi_yaml_matches_the_app() -> None:
    committed = (ROOT / "openapi.yaml").read_text()
    generated = openapi_yaml(document_app())
    assert committed == generated, "openapi.yaml drifted: run `make openapi` and commit it"


def test_document_follows_the_design_rules() -> None:
    doc = _document()
    assert doc["servers"][0]["url"].endswith("/api/v1")
    assert {"name", "email", "url"} <= set(doc["info"]["contact"])
    for path, item in doc["paths"].items():
        assert path == "/" or not path.endswith("/"), path
        assert path == path.lower() or "{" in path, path
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            responses = operation["responses"]
            assert "422" not in responses, (method, path)
            if operation.get("parameters") or "requestBody" in operation:
                assert "400" in responses, (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    assert response == {"$ref": f"#/components/responses/{status}"}
                else:
                    assert "API-Version" in response["headers"], (method, path, status)
    for response in doc["components"]["responses"].values():
        assert list(response["content"]) == ["application/problem+json"]
    assert "HTTPValidationError" not in doc["components"]["schemas"]


def test_operation_ids_are_tag_colon_name() -> None:
    doc = _document()
    ids = [
        op["operationId"]
        for item in doc["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
    assert len(ids) == len(set(ids))
    assert all(":" in operation_id for operation_id in ids)


def test_schema_names_are_unique_and_plain() -> None:
    """Two models of one name in different modules get module-path names
    (`kindcentraal__support__schemas__SessionRead`) that break the SPA's generated types."""
    names = _document()["components"]["schemas"]
    assert not [name for name in names if "__" in name]
