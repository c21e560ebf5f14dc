"""Where a webhook may go: a receiver on the public internet, never into our own network.

A URL is checked at registration and again at every delivery, after resolving its host name:
the delivery connects to the address that was checked (pinned), so a name that resolves to a
public address first and to 127.0.0.1 a second later (DNS rebinding) cannot redirect it.
"""

import asyncio
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def _networks(*cidrs: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(cidr) for cidr in cidrs)


# Cloud metadata services: never, whatever the settings say.
METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254"))
# Loopback and private networks: only with KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS (development).
PRIVATE = _networks(
    "127.0.0.0/8",
    "::1/128",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "100.64.0.0/10",
    "fc00::/7",
)
# Never: link-local, unspecified, multicast, reserved, broadcast, documentation and the like
# (everything that is not globally routable and not in PRIVATE, see `refusal`).
LINK_LOCAL = _networks("169.254.0.0/16", "fe80::/10")

DEFAULT_PORTS = {"http": 80, "https": 443}
RESOLVE_TIMEOUT = 5.0


class UnsafeUrl(ValueError):
    """A URL a webhook may not go to; `code` names why (no host names or addresses in it)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64, Teredo), if any."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: IPAddress, *, allow_private: bool) -> str | None:
    """Why a webhook may not connect to `address`; None when it may."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return refusal(embedded, allow_private=allow_private)
    if address in METADATA:
        return "a cloud metadata address"
    if any(address in network for network in LINK_LOCAL):
        return "a link-local address"
    if any(address in network for network in PRIVATE):
        return None if allow_private else "a loopback or private address"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "an address that is not a receiver"
    if not address.is_global:
        return "an address that is not publicly routable"
    return None


@dataclass(frozen=True)
class Target:
    """A URL split for a pinned connection: connect to `address`, name `host`."""

    scheme: str
    host: str
    port: int
    address: IPAddress
    path: str

    def pinned_url(self) -> str:
        literal = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        return f"{self.scheme}://{literal}:{self.port}{self.path}"

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def check_syntax(url: str, *, https_only: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, path-and-query) of an acceptable URL, or UnsafeUrl."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeUrl("invalid_url", "The URL is not valid.") from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise UnsafeUrl("invalid_url", "The URL must be an http(s) URL with a host.")
    if https_only and parts.scheme != "https":
        raise UnsafeUrl("https_required", "The URL must use https.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeUrl("invalid_url", "The URL may not carry a user name or password.")
    if parts.fragment:
        raise UnsafeUrl("invalid_url", "The URL may not have a fragment.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host = parts.hostname.rstrip(".").lower()
    return parts.scheme, host, port or DEFAULT_PORTS[parts.scheme], path


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def _resolve(host: str, port: int) -> list[IPAddress]:
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), RESOLVE_TIMEOUT
        )
    except (OSError, TimeoutError):
        raise UnsafeUrl("unresolvable_host", "The URL's host name does not resolve.") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise UnsafeUrl("unresolvable_host", "The URL's host name does not resolve.")
    return addresses


class Resolver:
    """Resolves and checks a webhook's host. Checked answers are kept for a few seconds: a
    worker sending hundreds of events a second to one receiver asks once, not per event."""

    def __init__(self, *, allow_private: bool, ttl: float = 10.0) -> None:
        self.allow_private = allow_private
        self.ttl = ttl
        self._cache: dict[tuple[str, int], tuple[float, IPAddress]] = {}

    async def target(self, url: str, *, https_only: bool) -> Target:
        """The checked address to connect to, or UnsafeUrl."""
        scheme, host, port, path = check_syntax(url, https_only=https_only)
        literal = _literal(host)
        if literal is not None:
            return Target(scheme, host, port, self._checked([literal]), path)
        key = (host, port)
        cached = self._cache.get(key)
        now = time.monotonic()
        if cached is not None and cached[0] > now:
            return Target(scheme, host, port, cached[1], path)
        address = self._checked(await _resolve(host, port))
        self._cache[key] = (now + self.ttl, address)
        return Target(scheme, host, port, address, path)

    def _checked(self, addresses: list[IPAddress]) -> IPAddress:
        # Every answer must be acceptable: a name that also points inward is refused whole.
        for address in addresses:
            reason = refusal(address, allow_private=self.allow_private)
            if reason is not None:
                raise UnsafeUrl("address_not_allowed", f"The URL leads to {reason}.")
        return addresses[0]
