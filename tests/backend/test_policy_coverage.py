"""Deny by default: every route declares a policy, and docs/authorization.md is generated."""

from pathlib import Path

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from kindcentraal.api import ROUTERS
from kindcentraal.openapi_app import document_app
from kindcentraal.policy.document import render
from kindcentraal.policy.registry import POLICIES, Policy

ROOT = Path(__file__).resolve().parents[2]
METHODS = {"get", "post", "put", "patch", "delete"}


def _policies(dependant: Dependant) -> list[Policy]:
    found = []
    for dependency in dependant.dependencies:
        policy = getattr(dependency.call, "__policy__", None)
        if policy is not None:
            found.append(policy)
        found += _policies(dependency)
    return found


def test_every_route_declares_exactly_one_policy() -> None:
    undeclared, routes = [], 0
    for router in ROUTERS:
        for route in router.routes:
            assert isinstance(route, APIRoute)
            routes += 1
            declared = _policies(route.dependant)
            if len(declared) != 1:
                undeclared.append(f"{sorted(route.methods)} {route.path}: {len(declared)}")
    assert undeclared == [], "routes without exactly one policy:\n" + "\n".join(undeclared)
    operations = sum(
        1
        for item in document_app().openapi()["paths"].values()
        for method in item
        if method in METHODS
    )
    assert routes == operations, "a router is missing from kindcentraal.api.ROUTERS"


def test_every_declared_policy_is_used() -> None:
    used = {
        policy.name
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for policy in _policies(route.dependant)
    }
    assert used == set(POLICIES)


def test_authorization_doc_is_generated_from_the_policies() -> None:
    committed = (ROOT / "docs" / "authorization.md").read_text()
    assert committed == render(), "run `kindcentraal authorization-doc -o docs/authorization.md`"
