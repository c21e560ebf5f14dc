from fastapi import APIRouter, Depends

from kindcentraal.auth.dependencies import public
from kindcentraal.common.schemas import ApiModel
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["root"])

ROOT = declare("root.read", resource="api", action="read", public=True, rows="anyone")


class Link(ApiModel):
    href: str
    title: str


class ApiRoot(ApiModel):
    name: str
    links: dict[str, Link]


@router.get(
    "/",
    response_model=ApiRoot,
    summary="API landing resource",
    dependencies=[Depends(public(ROOT))],
)
async def read_root() -> ApiRoot:
    """Where to find the OpenAPI document and the human-readable documentation."""
    return ApiRoot(
        name="KindCentraal API",
        links={
            "openapi": Link(href="openapi.json", title="OpenAPI document"),
            "docs": Link(href="docs", title="Human-readable API documentation"),
        },
    )
