"""One include_router line per domain."""

from fastapi import APIRouter

from kindcentraal.auth.router import router as auth_router
from kindcentraal.centre.router import router as centre_router
from kindcentraal.child.router import router as child_router
from kindcentraal.common.router import router as root_router
from kindcentraal.group.router import router as group_router
from kindcentraal.organisation.router import membership_router
from kindcentraal.organisation.router import router as organisation_router
from kindcentraal.placement.router import router as placement_router
from kindcentraal.user.router import router as user_router

api_router = APIRouter()
api_router.include_router(root_router)
api_router.include_router(auth_router)
api_router.include_router(centre_router)
api_router.include_router(organisation_router)
api_router.include_router(membership_router)
api_router.include_router(user_router)
api_router.include_router(group_router)
api_router.include_router(child_router)
api_router.include_router(placement_router)
