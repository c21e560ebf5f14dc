"""`kindcentraal dev-mail`: a local SMTP server for development that keeps every mail in a
Maildir (var/mail/) and shows them on a small page. Never for production: it accepts any
mail from the loopback without TLS."""

import asyncio
import html
import logging
import mailbox
from email import policy
from email.message import EmailMessage
from pathlib import Path

import uvicorn
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<title>KindCentraal development mail</title>
<style>body{{font:16px system-ui;margin:2rem;max-width:60rem}}td,th{{padding:.3rem .6rem;
text-align:left;vertical-align:top}}pre{{white-space:pre-wrap;background:#f4f4f4;padding:1rem}}
</style><h1>Development mail</h1><p>Stored in <code>{folder}</code>, newest first.</p>{body}"""


def _messages(folder: Path) -> list[tuple[str, EmailMessage]]:
    box = mailbox.Maildir(folder, create=True)
    found = []
    for key in box.iterkeys():
        with box.get_file(key) as handle:
            found.append((key, _parse(handle.read())))
    return sorted(found, key=lambda item: item[1].get("Date", ""), reverse=True)


def _parse(raw: bytes) -> EmailMessage:
    from email import message_from_bytes

    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def page_app(folder: Path) -> Starlette:
    async def index(_: Request) -> Response:
        rows = "".join(
            f"<tr><td>{html.escape(str(m.get('Date', '')))}</td>"
            f"<td>{html.escape(str(m.get('To', '')))}</td>"
            f"<td><a href='/mail/{html.escape(key)}'>{html.escape(str(m.get('Subject', '')))}"
            "</a></td></tr>"
            for key, m in _messages(folder)
        )
        table = (
            f"<table><tr><th>Date</th><th>To</th><th>Subject</th></tr>{rows}</table>"
            if rows
            else "<p>No mail yet.</p>"
        )
        return HTMLResponse(PAGE.format(folder=html.escape(str(folder)), body=table))

    async def show(request: Request) -> Response:
        key = request.path_params["key"]
        for found, message in _messages(folder):
            if found == key:
                part = message.get_body(preferencelist=("plain",))
                text = part.get_content() if part is not None else ""
                attachments = [a.get_filename() or "" for a in message.iter_attachments()]
                body = (
                    f"<p><a href='/'>All mail</a></p><h2>{html.escape(str(message['Subject']))}"
                    f"</h2><p>To: {html.escape(str(message['To']))}<br>"
                    f"Message-ID: {html.escape(str(message['Message-ID']))}<br>"
                    f"Attachments: {html.escape(', '.join(attachments)) or '-'}</p>"
                    f"<pre>{html.escape(text)}</pre>"
                )
                return HTMLResponse(PAGE.format(folder=html.escape(str(folder)), body=body))
        return HTMLResponse("Not found", status_code=404)

    return Starlette(routes=[Route("/", index), Route("/mail/{key}", show)])


async def serve(folder: Path, *, smtp_port: int, http_port: int) -> None:
    controller = Controller(Mailbox(folder), hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        config = uvicorn.Config(
            page_app(folder), host="127.0.0.1", port=http_port, log_level="warning"
        )
        await uvicorn.Server(config).serve()
    finally:
        controller.stop()


def run(folder: Path, *, smtp_port: int, http_port: int) -> None:
    # aiosmtpd logs every envelope's addresses; the page shows what a developer needs.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    for part in ("cur", "new", "tmp"):  # a Maildir, also in a folder that already exists
        (folder / part).mkdir(parents=True, exist_ok=True)
    asyncio.run(serve(folder, smtp_port=smtp_port, http_port=http_port))
