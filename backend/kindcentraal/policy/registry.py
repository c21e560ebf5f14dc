"""Every route declares a policy: who may call it at all, and which rows it reaches.

Deny by default: a route without a declared policy fails the test suite
(tests/backend/test_policy_coverage.py), and docs/authorization.md is generated from here.
"""

from dataclasses import dataclass

from kindcentraal.organisation.models import Role

ANY_ROLE = frozenset(Role)


@dataclass(frozen=True)
class Policy:
    name: str
    resource: str
    action: str
    # Roles that may call at all; None: any logged-in user (guardians too), rows decide.
    roles: frozenset[Role] | None
    rows: str
    public: bool = False
    # Reachable while a mandatory two-factor enrolment is still open.
    during_enrolment: bool = False
    # The scope a machine client needs; None: people only, clients are refused.
    client_scope: str | None = None
    # Machine clients only (the changes feed); people are refused.
    clients_only: bool = False


POLICIES: dict[str, Policy] = {}


def declare(
    name: str,
    *,
    resource: str,
    action: str,
    rows: str,
    roles: frozenset[Role] | set[Role] | None = None,
    public: bool = False,
    during_enrolment: bool = False,
    client_scope: str | None = None,
    clients_only: bool = False,
) -> Policy:
    if name in POLICIES:
        raise ValueError(f"policy {name} declared twice")
    policy = Policy(
        name=name,
        resource=resource,
        action=action,
        roles=frozenset(roles) if roles is not None else None,
        rows=rows,
        public=public,
        during_enrolment=during_enrolment,
        client_scope=client_scope,
        clients_only=clients_only,
    )
    POLICIES[name] = policy
    return policy
