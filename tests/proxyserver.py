"""A tiny local forwarding proxy for tests: HTTP (absolute-form requests and CONNECT) or SOCKS5.

SOCKS5 is RFC 1928 with no authentication and the CONNECT command only (IPv4, IPv6 or a domain
name). Each client connection is forwarded to one target and piped both ways. The proxy records
where it forwarded (`targets`) and the local port of each of its upstream connections
(`upstream_ports`): the target sees that port as its peer, which is how a test proves a request
came through the proxy and not around it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import struct
from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["http", "socks5"]


class ProxyError(Exception):
    """The client spoke something this proxy does not understand."""


class Proxy:
    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.targets: list[tuple[str, int]] = []
        self.upstream_ports: set[int] = set()
        self.refused = 0  # client connections the proxy could not serve
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    @property
    def url(self) -> str:
        return f"{self.kind}://127.0.0.1:{self.port}"

    async def start(self) -> Proxy:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for writer in list(self._writers):
            with contextlib.suppress(Exception):
                await writer.wait_closed()
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> Proxy:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- one client connection -----------------------------------------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        try:
            opened = await (self._socks(reader, writer) if self.kind == "socks5" else self._http(reader, writer))
            up_reader, up_writer, head = opened
            self._writers.add(up_writer)
            up_writer.write(head)
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (ProxyError, OSError, asyncio.IncompleteReadError):
            self.refused += 1
        except asyncio.CancelledError:
            pass
        finally:
            writer.close()
            self._tasks.discard(task)

    async def _open(self, host: str, port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        up_reader, up_writer = await asyncio.open_connection(host, port)
        self.targets.append((host, port))
        self.upstream_ports.add(int(up_writer.get_extra_info("sockname")[1]))
        return up_reader, up_writer

    async def _http(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bytes]:
        head = await reader.readuntil(b"\r\n\r\n")
        method, target, _version = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        if method == "CONNECT":
            host, _, port = target.rpartition(":")
            opened = await self._open(host.strip("[]"), int(port))
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            return (*opened, b"")
        url = urlsplit(target)
        if url.scheme != "http" or not url.hostname:
            raise ProxyError(f"not an absolute http URL: {target!r}")
        # forwarded as it came: HTTP/1.1 servers accept the absolute form (RFC 9112 §3.2.2)
        return (*await self._open(url.hostname, url.port or 80), head)

    async def _socks(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bytes]:
        version, methods = await reader.readexactly(2)
        offered = await reader.readexactly(methods)
        if version != 5 or 0 not in offered:
            writer.write(b"\x05\xff")
            raise ProxyError("SOCKS5 without 'no authentication'")
        writer.write(b"\x05\x00")
        version, command, _reserved, atyp = await reader.readexactly(4)
        if version != 5 or command != 1:
            writer.write(b"\x05\x07\x00\x01" + bytes(6))  # command not supported
            raise ProxyError(f"SOCKS5 command {command} not supported")
        if atyp == 1:
            host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
        elif atyp == 4:
            host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
        elif atyp == 3:
            host = (await reader.readexactly((await reader.readexactly(1))[0])).decode("idna")
        else:
            raise ProxyError(f"SOCKS5 address type {atyp}")
        (port,) = struct.unpack("!H", await reader.readexactly(2))
        opened = await self._open(host, port)
        writer.write(b"\x05\x00\x00\x01" + bytes(4) + struct.pack("!H", 0))  # succeeded
        return (*opened, b"")


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except OSError:
        pass
    finally:
        writer.close()
