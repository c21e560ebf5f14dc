"""Requests as the SPA makes them in a browser: an Origin, a User-Agent, the refresh cookie."""

from http.cookies import SimpleCookie

import httpx

from tests.backend.factories import PASSWORD

SPA = "http://127.0.0.1:5173"
COOKIE = "__Secure-kc_refresh"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
BROWSER = {"Origin": SPA, "User-Agent": IPHONE}


async def browser_login(client: httpx.AsyncClient, email: str) -> httpx.Response:
    """A login as the SPA makes it: from a page (Origin), form-encoded."""
    return await client.post(
        "/auth/token", data={"username": email, "password": PASSWORD}, headers=BROWSER
    )


def refresh_cookie(response: httpx.Response) -> tuple[str, dict[str, str]]:
    """The refresh cookie the response sets: its value and attributes (lower-case names)."""
    for header in response.headers.get_list("set-cookie"):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        if COOKIE in jar:
            morsel = jar[COOKIE]
            flags = {part.strip().lower() for part in header.split(";")[1:]}
            attributes = {k.lower(): v for k, v in morsel.items() if v}
            attributes |= {flag: "true" for flag in ("httponly", "secure") if flag in flags}
            return morsel.value, attributes
    raise AssertionError(f"no {COOKIE} in {response.headers.get_list('set-cookie')}")


async def cookie_refresh(client: httpx.AsyncClient, value: str, **extra: object) -> httpx.Response:
    """POST /auth/refresh as the SPA sends it: the cookie, a JSON body `{}`."""
    headers = {**BROWSER, "Cookie": f"{COOKIE}={value}"}
    if "content" in extra:
        return await client.post(
            "/auth/refresh",
            content=extra["content"],  # type: ignore[arg-type]
            headers=headers | dict(extra.get("headers", {})),  # type: ignore[call-overload]
        )
    return await client.post("/auth/refresh", json={}, headers=headers)


def bearer(response: httpx.Response) -> dict[str, str]:
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
