from fastapi import APIRouter

from kindcentraal.common.schemas import ApiModel

router = APIRouter(tags=["root"])


class Link(ApiModel):
    href: str
    title: str


class ApiRoot(ApiModel):
    name: str
    links: dict[str, Link]


@router.get("/", response_model=ApiRoot, summary="API landing resource")
async def read_root() -> ApiRoot:
    """Where to find the OpenAPI document and the human-readable documentation."""
    return ApiRoot(
        name="KindCentraal API",
        links={
            "openapi": Link(href="openapi.json", title="OpenAPI document"),
            "docs": Link(href="docs", title="Human-readable API documentation"),
        },
    )
