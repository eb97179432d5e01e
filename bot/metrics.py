"""Prometheus metrics of one Application: its own registry, Telegram call outcomes, and stored figures."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from telegram.request import BaseRequest

from surveys.store import Vitals

# Bot API methods that deliver something to a person; a failure of one is a send that failed.
SENDING_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"})


class Telemetry:
    """Counters and gauges in a registry of their own, so two Applications (or tests) never collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.sends_failed = Counter(
            "journeypulse_sends_failed", "Messages to people that Telegram refused or that never arrived", registry=r
        )
        self.flood_waits = Counter(
            "journeypulse_telegram_429", "429 Too Many Requests answers from Telegram", registry=r
        )
        self.updates_received = Counter(
            "journeypulse_updates_received", "Telegram updates stored in the inbox", ["mode"], registry=r
        )
        self.orders_registered = Counter(
            "journeypulse_orders_registered", "Orders registered over HTTP", ["source"], registry=r
        )
        self.answers = Gauge("journeypulse_answers_recorded", "Survey answers stored", registry=r)
        self.pending = Gauge("journeypulse_updates_pending", "Updates stored but not yet handled", registry=r)
        self.complaints_open = Gauge(
            "journeypulse_complaints_open", "Complaints open, in progress or reopened", registry=r
        )
        self.desk_backlog = Gauge("journeypulse_desk_backlog", "Complaint cards and notes not yet posted", registry=r)
        self.last_update_age = Gauge(
            "journeypulse_last_update_age_seconds", "Seconds since the last update arrived (-1: none yet)", registry=r
        )

    def render(self, vitals: Vitals, last_update_age: float | None) -> bytes:
        """The Prometheus text exposition, with the stored figures read just now."""
        self.answers.set(vitals.answers)
        self.pending.set(vitals.pending_updates)
        self.complaints_open.set(vitals.open_complaints)
        self.desk_backlog.set(vitals.desk_backlog)
        self.last_update_age.set(-1 if last_update_age is None else last_update_age)
        return generate_latest(self.registry)

    def record_response(self, url: str, status: int | None) -> None:
        """Count a Bot API answer (None: no answer at all) by what it means for sends and flood limits."""
        if status == 429:
            self.flood_waits.inc()
        if (status is None or status >= 400) and url.rsplit("/", 1)[-1].lower() in SENDING_METHODS:
            self.sends_failed.inc()


class CountingRequest(BaseRequest):
    """A Bot API client (any of PTB's BaseRequest), telling the Telemetry how each call ended."""

    __slots__ = ("inner", "telemetry")

    def __init__(self, inner: BaseRequest, telemetry: Telemetry) -> None:
        self.inner, self.telemetry = inner, telemetry

    @property
    def read_timeout(self) -> float | None:
        """The wrapped client's default read timeout."""
        return self.inner.read_timeout

    async def initialize(self) -> None:
        """Open the wrapped client."""
        await self.inner.initialize()

    async def shutdown(self) -> None:
        """Close the wrapped client."""
        await self.inner.shutdown()

    async def do_request(self, url: str, method: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Make the call and count its outcome."""
        try:
            status, payload = await self.inner.do_request(url, method, *args, **kwargs)
        except Exception:
            self.telemetry.record_response(url, None)
            raise
        self.telemetry.record_response(url, status)
        return status, payload
