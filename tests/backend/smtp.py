"""A real SMTP server on the loopback for the tests (aiosmtpd in its own thread): it keeps
what it accepts, and can refuse, defer or slow down chosen mails."""

import asyncio
import logging
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

# aiosmtpd logs every envelope, addresses included: the tests keep personal data out of logs.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()
        self.defer: set[str] = set()
        # Hold the n-th DATA (1-based) this long before answering, and tell the test it began.
        self.slow_data: tuple[int, float] | None = None
        self.data_began = threading.Event()
        self._data_calls = 0
        self._lock = threading.Lock()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        if address in self.defer:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            self._data_calls += 1
            call = self._data_calls
        if self.slow_data is not None and self.slow_data[0] == call:
            self.data_began.set()
            await asyncio.sleep(self.slow_data[1])
            # Like a real server's transaction: a client gone before the reply has not
            # handed the mail over, so it is not kept (it will come again).
            if server.transport is None or server.transport.is_closing():
                return "451 4.4.2 Connection lost"
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def texts(self) -> list[str]:
        """Every accepted mail as one decoded string: its headers, its text and every
        attachment (decoded, so base64 or quoted-printable hides nothing from a check)."""
        texts = []
        for message in self.messages:
            parts = [f"{key}: {value}" for key, value in message.items()]
            for part in message.walk():
                if part.is_multipart():
                    continue
                content = part.get_content()
                parts.append(content if isinstance(content, str) else content.decode("utf-8"))
            texts.append("\n".join(parts))
        return texts


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, str]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}?tls=none"
    finally:
        controller.stop()
