"""A webhook never reaches into our own network: loopback, private, link-local and metadata
addresses are refused at registration (literal or behind a host name) and again at delivery
after resolving, redirects are never followed, and the address checked is the one used."""

import ipaddress
import uuid

import pytest
from sqlalchemy import select, update

from kindcentraal.webhooks.addresses import refusal
from kindcentraal.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.backend.webhooks.conftest import Live, Receiver

PUBLIC = "http://93.184.216.34/hook"


def _strict(live: Live, **extra: object) -> None:
    """The app as production runs it: no private networks (restored after the test)."""
    live.api.state.settings = live.settings.model_copy(
        update={"webhooks_allow_private_networks": False, **extra}
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://127.1.2.3:8080/hook",
        "http://[::1]/hook",
        "http://10.0.0.1/hook",
        "http://172.16.5.4/hook",
        "http://192.168.1.10/hook",
        "http://100.64.0.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/hook",
        "http://[fc00::1]/hook",
        "http://0.0.0.0/hook",
        "http://224.0.0.1/hook",
        "http://240.0.0.1/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[::ffff:a9fe:a9fe]/hook",  # 169.254.169.254, IPv4-mapped
        "http://2130706433/hook",  # 127.0.0.1 as one number
        "http://0x7f.0.0.1/hook",
        "http://localhost/hook",  # a name that resolves to 127.0.0.1
        "http://LOCALHOST./hook",
        "http://does-not-resolve.invalid/hook",
        "ftp://93.184.216.34/hook",
        "http://user:pw@93.184.216.34/hook",
    ],
)
async def test_registration_refuses_internal_addresses(live: Live, url: str) -> None:
    _strict(live)
    machine = await live.register()
    response = await live.client.post(
        "/webhook-subscriptions",
        json={"url": url, "eventTypes": ["placement.changed"]},
        headers=machine.headers,
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert error["location"] == "#/url"
    assert error["in"] == "body"


async def test_a_public_address_is_accepted_and_https_is_required_in_production(
    live: Live,
) -> None:
    _strict(live)
    machine = await live.register()
    assert (await live.subscribe(machine, PUBLIC))["url"] == PUBLIC
    _strict(live, env="production")
    response = await live.client.post(
        "/webhook-subscriptions",
        json={"url": PUBLIC, "eventTypes": ["placement.changed"]},
        headers=machine.headers,
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "https_required"
    https = await live.subscribe(machine, "https://93.184.216.34/hook")
    assert https["url"].startswith("https://")


async def test_metadata_and_link_local_stay_refused_with_private_networks_allowed(
    live: Live,
) -> None:
    assert live.settings.webhooks_allow_private_networks
    machine = await live.register()
    for url in ("http://169.254.169.254/", "http://[fd00:ec2::254]/", "http://169.254.1.1/"):
        response = await live.client.post(
            "/webhook-subscriptions",
            json={"url": url, "eventTypes": ["placement.changed"]},
            headers=machine.headers,
        )
        assert response.status_code == 400, url
    # A patch is checked the same way.
    subscription = await live.subscribe(machine, PUBLIC)
    patched = await live.client.patch(
        f"/webhook-subscriptions/{subscription['id']}",
        json={"url": "http://169.254.169.254/"},
        headers=machine.headers,
    )
    assert patched.status_code == 400
    assert patched.json()["errors"][0]["location"] == "#/url"


async def test_a_redirect_to_an_internal_address_is_not_followed(
    live: Live, receiver: Receiver
) -> None:
    internal = Receiver()
    await internal.start()
    try:
        target = f"http://127.0.0.1:{internal.port}/internal"
        receiver.answer = lambda _r: (302, {"location": target})
        machine = await live.register()
        subscription = await live.subscribe(machine, receiver.url)
        await live.placement()
        assert await live.deliver() == 0
        assert len(receiver.requests) == 1
        assert internal.requests == []
    finally:
        await internal.stop()
    async with live.database.sessionmaker() as session:
        [delivery] = await session.scalars(
            select(WebhookDelivery).where(
                WebhookDelivery.subscription_id == uuid.UUID(subscription["id"])
            )
        )
    assert delivery.status == "pending"
    assert delivery.last_status_code == 302
    assert delivery.last_error == "redirect 302 not followed"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
async def test_delivery_checks_the_address_again_after_resolving(
    live: Live, receiver: Receiver, host: str
) -> None:
    """Registered at a public address; by the time of delivery the row (as a rebinding name
    would) leads to the loopback: the attempt fails on the address, nothing is sent."""
    _strict(live)
    machine = await live.register()
    subscription = await live.subscribe(machine, PUBLIC)
    async with live.database.sessionmaker() as session, session.begin():
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == uuid.UUID(subscription["id"]))
            .values(url=f"http://{host}:{receiver.port}/hook")
        )
    await live.placement()
    strict = live.settings.model_copy(update={"webhooks_allow_private_networks": False})
    assert await live.deliver(strict) == 0
    assert receiver.requests == []
    async with live.database.sessionmaker() as session:
        [delivery] = await session.scalars(
            select(WebhookDelivery).where(
                WebhookDelivery.subscription_id == uuid.UUID(subscription["id"])
            )
        )
    assert delivery.status == "pending"
    assert delivery.last_error == "address refused: address_not_allowed"
    assert delivery.last_status_code is None


async def test_the_checked_address_is_connected_to_with_the_name_as_host(
    live: Live, receiver: Receiver
) -> None:
    machine = await live.register()
    await live.subscribe(machine, f"http://localhost:{receiver.port}/hook?source=kc")
    await live.placement()
    assert await live.deliver() == 1
    [request] = receiver.requests
    assert request.headers["host"] == f"localhost:{receiver.port}"
    assert request.path == "/hook"


@pytest.mark.parametrize(
    ("address", "allowed_strict", "allowed_private"),
    [
        ("93.184.216.34", True, True),
        ("2606:2800:220:1:248:1893:25c8:1946", True, True),
        ("127.0.0.1", False, True),
        ("::1", False, True),
        ("10.1.2.3", False, True),
        ("172.31.255.255", False, True),
        ("192.168.0.1", False, True),
        ("100.100.100.100", False, True),
        ("fd12:3456::1", False, True),
        ("169.254.169.254", False, False),
        ("fd00:ec2::254", False, False),
        ("169.254.10.10", False, False),
        ("fe80::abcd", False, False),
        ("0.0.0.0", False, False),  # noqa: S104 - an address refused, not bound
        ("::", False, False),
        ("255.255.255.255", False, False),
        ("239.1.1.1", False, False),
        ("ff02::1", False, False),
        ("192.0.2.1", False, False),  # documentation
        ("::ffff:10.0.0.1", False, True),
        ("::ffff:169.254.169.254", False, False),
        ("2002:a9fe:a9fe::1", False, False),  # 6to4 around the metadata address
        ("64:ff9b::7f00:1", False, True),  # NAT64 around the loopback
    ],
)
def test_which_addresses_a_webhook_may_reach(
    address: str, allowed_strict: bool, allowed_private: bool
) -> None:
    ip = ipaddress.ip_address(address)
    assert (refusal(ip, allow_private=False) is None) is allowed_strict
    assert (refusal(ip, allow_private=True) is None) is allowed_private
