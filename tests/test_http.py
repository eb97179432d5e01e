"""Tests for the aiohttp Bot API client and the counting wrapper, over real HTTP to the emulator."""

import asyncio
import socket
import time

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.http import AiohttpRequest
from bot.local_bot_api import BotAPIEmulator
from bot.metrics import CountingRequest, Telemetry

USER = 1001


@pytest.fixture
async def emu():
    async with BotAPIEmulator() as emulator:
        emulator.add_user(USER, "Ann")
        yield emulator


def client(emu, base_url=None, **timeouts) -> Bot:
    request = AiohttpRequest(**timeouts)
    return Bot(emu.token, base_url=base_url or emu.base_url, request=request, get_updates_request=AiohttpRequest())


async def test_a_call_and_its_answer(emu):
    async with client(emu) as bot:
        assert bot.username == emu.username
        sent = await bot.send_message(USER, "<b>Hello</b> &amp; welcome", parse_mode="HTML")
    assert sent.text == "Hello & welcome"
    assert emu.bot_messages(USER)[0]["text"] == "Hello & welcome"


async def test_uploads_are_multipart_with_their_fields(emu):
    payload = b"week,score\n1,0.5\n" * 100
    async with client(emu) as bot:
        await bot.send_document(USER, document=payload, filename="report.csv", caption="Weekly")
        photo = await bot.send_photo(USER, photo=b"\xff\xd8fake", caption="<b>chart</b>", parse_mode="HTML")
    document = emu.bot_messages(USER)[0]["document"]
    assert (document["file_name"], document["file_size"]) == ("report.csv", len(payload))
    assert emu.file_bytes(document["file_id"]) == payload
    assert emu.bot_messages(USER)[0]["caption"] == "Weekly"
    assert photo.caption == "chart" and len(photo.photo) == 3


async def test_a_silent_server_is_timed_out(emu):
    async with client(emu, read_timeout=0.3) as bot:
        emu.inject_fault("timeout", count=1, delay=5)
        started = time.monotonic()
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "a")
        assert time.monotonic() - started < 1.5
        emu.inject_fault("timeout", count=1, delay=5)
        with pytest.raises(TimedOut):  # a timeout passed with the call wins over the default
            await bot.send_message(USER, "b", read_timeout=0.2)
        await bot.send_message(USER, "c")


async def test_a_long_poll_outlasts_the_default_read_timeout(emu):
    polling = AiohttpRequest(read_timeout=0.3)  # PTB adds the poll's own seconds to it
    async with Bot(emu.token, base_url=emu.base_url, request=AiohttpRequest(), get_updates_request=polling) as bot:
        started = time.monotonic()
        assert await bot.get_updates(timeout=1) == ()
        assert time.monotonic() - started >= 0.9


async def test_a_refused_connection_and_a_hang_up_are_network_errors(emu):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest(connect_timeout=1)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"http://127.0.0.1:{port}/bot{emu.token}/getMe")
        assert not isinstance(caught.value, TimedOut)
    finally:
        await request.shutdown()
    async with client(emu) as bot:
        emu.inject_fault("refuse", count=1)
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "a")
        emu.inject_fault("502", count=1)
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "b")


async def test_a_proxy_named_in_the_environment_is_used(emu, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{emu.port}")  # the emulator answers proxied requests too
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with client(emu, base_url="http://api.telegram.invalid/bot") as bot:
        await bot.send_message(USER, "through the proxy")
    assert emu.bot_messages(USER)[0]["text"] == "through the proxy"


async def test_calls_before_initialize_or_after_shutdown_are_refused():
    request = AiohttpRequest()
    with pytest.raises(RuntimeError):
        await request.do_request("http://127.0.0.1:9/bot1:T/getMe", "POST")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()  # twice is harmless
    with pytest.raises(RuntimeError):
        await request.do_request("http://127.0.0.1:9/bot1:T/getMe", "POST")


async def test_many_calls_at_once_share_the_pool(emu):
    async with client(emu) as bot:
        sent = await asyncio.gather(*(bot.send_message(USER, f"m{n}") for n in range(50)))
    assert sorted(m.text for m in sent) == sorted(f"m{n}" for n in range(50))


async def test_the_counting_wrapper_counts_each_outcome(emu):
    telemetry = Telemetry()
    request = CountingRequest(AiohttpRequest(read_timeout=0.3), telemetry)
    assert request.read_timeout == 0.3
    async with Bot(emu.token, base_url=emu.base_url, request=request) as bot:
        emu.inject_fault("429", count=1, methods={"sendMessage"})
        with pytest.raises(RetryAfter):
            await bot.send_message(USER, "a")
        emu.inject_fault("refuse", count=1, methods={"sendMessage"})
        with pytest.raises(NetworkError):
            await bot.send_message(USER, "b")
        await bot.send_message(USER, "c")
    assert telemetry.flood_waits._value.get() == 1
    assert telemetry.sends_failed._value.get() == 2  # the 429 and the call that got no answer


def test_tls_is_verified_with_certifis_certificates_as_httpx_does():
    import ssl

    from bot.http import _tls

    context = _tls()
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    assert len(context.get_ca_certs()) > 50  # certifi's bundle, whatever the machine has installed
