"""The Bot API's HTTP client on aiohttp: PTB's BaseRequest with a C response parser and less per-call bookkeeping."""

from __future__ import annotations

import ssl
from functools import cache
from urllib.parse import urlencode, urlsplit
from urllib.request import getproxies, proxy_bypass

import aiohttp
import certifi
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _env_proxy(origin: str) -> str | None:
    """The proxy HTTP(S)_PROXY names for this scheme://host, unless NO_PROXY exempts the host."""
    parts = urlsplit(origin)
    if parts.hostname and proxy_bypass(parts.hostname):
        return None
    return getproxies().get(parts.scheme)


@cache
def _tls() -> ssl.SSLContext:
    """Certificates from certifi, as httpx verifies them: a machine without system CA certificates still connects."""
    return ssl.create_default_context(cafile=certifi.where())


def _total(*parts: float | None) -> float | None:
    """The sum of the limits, or None when any of them is unlimited."""
    return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)


class AiohttpRequest(BaseRequest):
    """PTB's request interface on one aiohttp session, with HTTPXRequest's defaults, timeouts and errors."""

    __slots__ = ("_connect", "_media_write", "_pool", "_pool_size", "_proxies", "_read", "_session", "_write")

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read, self._write, self._connect, self._pool = read_timeout, write_timeout, connect_timeout, pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}  # by scheme://host, read once as httpx does at start

    @property
    def read_timeout(self) -> float | None:
        """The read timeout used when a call passes none."""
        return self._read

    async def initialize(self) -> None:
        """Open the session (it needs the running loop, so not in __init__)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0, ssl=_tls()),
                cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets none; a real jar costs time per call
                headers={"User-Agent": self.USER_AGENT},
            )  # not trust_env: it reads the environment and ~/.netrc again on every call (~0.1 ms)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Make one call; timeouts become TimedOut and other transport failures NetworkError, as in HTTPXRequest."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        params = request_data.json_parameters if request_data else {}
        files = request_data.multipart_data if request_data else None
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = (
            (self._media_write if files else self._write) if isinstance(write_timeout, DefaultValue) else write_timeout
        )
        # aiohttp has no timeout per write: the write's share bounds the whole call, so a stalled upload times out.
        timeout = aiohttp.ClientTimeout(
            total=_total(connect, pool, write, read),
            connect=_total(pool, connect),  # aiohttp's connect includes the wait for a free connection
            sock_connect=connect,
            sock_read=read,
        )
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if files:
            body = aiohttp.FormData()
            for name, value in params.items():
                body.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                body.add_field(name, content, filename=filename, content_type=mimetype)
        elif params:
            body, headers = urlencode(params).encode(), _FORM  # the body HTTPXRequest sends
        origin = "/".join(url.split("/", 3)[:3])
        if origin not in self._proxies:
            self._proxies[origin] = _env_proxy(origin)
        proxy = self._proxies[origin]
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout, proxy=proxy
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's ServerTimeoutError is one too
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {err}") from err
