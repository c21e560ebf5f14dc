"""Roles and organisation types: shared by auth (the principal, policies) and the domains
that store them, so that auth never imports a domain's models."""

import enum


class OrganisationType(enum.StrEnum):
    SCHOOL = "school"
    CHILDCARE = "childcare"
    CARE_PROVIDER = "care_provider"
    LIBRARY = "library"
    WELFARE = "welfare"
    SPORT = "sport"
    CULTURE = "culture"
    YOUTH_HEALTH = "youth_health"
    MUNICIPALITY = "municipality"


class Role(enum.StrEnum):
    CENTRE_ADMIN = "centre_admin"
    ORG_ADMIN = "org_admin"
    STAFF = "staff"
    CARE_PROFESSIONAL = "care_professional"
    MUNICIPALITY_ANALYST = "municipality_analyst"
