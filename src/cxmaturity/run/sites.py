"""When two answers files or results are of the same organization and site: names compared
without regard to case or surrounding spaces (merge, trend and compare all use this)."""

from __future__ import annotations

from typing import Protocol


class Sited(Protocol):
    """Anything naming an organization and a site (answers, an assessment)."""

    @property
    def organization(self) -> str: ...
    @property
    def site(self) -> str | None: ...


def same_name(one: str | None, other: str | None) -> bool:
    """Two organization or site names are the same, ignoring case and surrounding spaces."""
    return (one or "").strip().lower() == (other or "").strip().lower()


def same_site(one: Sited, other: Sited) -> bool:
    """Both name the same organization and the same site."""
    return same_name(one.organization, other.organization) and same_name(one.site, other.site)
