"""The delivery worker: claim → sendMessage → complete, under the shared Redis rate limits.

One worker per process consumes the queue in bot.store.delivery together with every other khabar
process. Each claim is one message part with an overall send slot reserved for it (up to a second
ahead, bot.store.ratelimit): the worker sleeps until that slot and sends, so a paced worker makes one
claim round trip per second's worth of messages instead of asking for each slot. Claims that share a
slot (a volley) wait on one timer, go out together, and their outcomes are written in one Redis
call when the last of them is answered: a paced process wakes once per volley, not several times
per message. The outcome decides what happens next:

| Telegram says                          | khabar does                                              |
| -------------------------------------- | -------------------------------------------------------- |
| ok                                     | record it; the chat's next message after its interval    |
| 429 retry_after N                      | the same message again after exactly N s (nothing lost)  |
| network error, 5xx                     | the same message again after 1, 2, 4 … s (capped)        |
| timeout (outcome unknown)              | as a crash: resend (Settings.resend_unknown) or skip     |
| group upgraded (migrate_to_chat_id)    | move the subscription and queue; resend to the new id    |
| blocked / kicked / no rights / gone    | pause the chat (subscription kept), drop its queue       |
| topic closed / deleted                 | pause that forum topic only (reopened: resumed)          |
| other 400 (bad HTML, too long: our bug)| log an error, skip that message, never block the chat    |

Stopping waits for the sends in flight and records them, so a graceful stop opens no window of
unknown outcome (see bot.store.delivery for the one a hard kill leaves).

A Redis outage pauses the worker: claims back off, outcomes already sent wait in memory (Recorder)
until they can be written, and the outage is logged once (bot.runtime.outage), not per claim.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid

from telegram import Bot, LinkPreviewOptions
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.delivery import lifecycle
from bot.runtime.metrics import Metrics
from bot.runtime.outage import Backoff, Outage, is_redis_outage
from bot.settings import Settings
from bot.store import Store
from bot.store.delivery import Claim, Kind, Outcome
from bot.store.ratelimit import Pacing
from bot.store.subscriptions import PauseReason
from bot.telegram.request import retry_after_seconds, send_html

log = logging.getLogger("khabar.delivery")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # for replies outside the queue (bot.chat)

IDLE = 0.5  # seconds between looks at the queue when this process was not woken
REAP_EVERY = 1.0  # seconds between looks for expired leases
RECORD_BATCH = 256  # outcomes written to Redis in one script call at most
VOLLEY_WAIT = 0.25  # seconds a volley's outcomes wait for its slowest send before being written
LATE = 0.05  # a volley woken later than this past its slot (a stalled loop) is not sent but claimed anew


# how a send outcome shows in khabar_messages_total{result}
_RESULTS = {Kind.SENT: "sent", Kind.RETRY: "retried", Kind.SKIPPED: "failed", Kind.RELEASED: "retried"}


def _result(outcome: Outcome) -> tuple[str, str]:
    """(result, reason) of khabar_messages_total for one send: a timeout is neither sent nor failed."""
    if outcome.stat == "unknown":
        return "unknown", "timeout"
    return _RESULTS[outcome.kind], "" if outcome.kind is Kind.SENT else outcome.stat


class Recorder:
    """Writes send outcomes to Redis in batches — one script call for all that finished meanwhile.

    Outcomes wait for no timer (whatever completed since the last write goes in the next one), and
    one that cannot be written yet (Redis down) is kept and retried: losing it would mean a resend.
    """

    def __init__(self, store: Store, outage: Outage | None = None) -> None:
        self._store = store
        self._outage = outage or Outage()
        self._pending: list[tuple[list[Outcome], asyncio.Future[None]]] = []
        self._ready = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="khabar-recorder")

    def add(self, outcomes: list[Outcome]) -> asyncio.Future[None]:
        """Outcomes to write, in one script call with whatever else is pending; the future is done
        once they are in Redis."""
        written = asyncio.get_running_loop().create_future()
        self._pending.append((outcomes, written))
        self._ready.set()
        return written

    async def close(self) -> None:
        """Write everything still pending, then stop."""
        self._closing = True
        self._ready.set()
        if self._task is not None:
            await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            await self._ready.wait()
            self._ready.clear()
            while self._pending:
                take, size = 1, len(self._pending[0][0])
                while take < len(self._pending) and size + len(self._pending[take][0]) <= RECORD_BATCH:
                    size += len(self._pending[take][0])
                    take += 1
                entries, self._pending = self._pending[:take], self._pending[take:]
                await self._write([outcome for outcomes, _ in entries for outcome in outcomes])
                for _, written in entries:
                    if not written.done():  # its waiter may have been cancelled
                        written.set_result(None)
            if self._closing:
                return

    async def _write(self, batch: list[Outcome]) -> None:
        backoff = Backoff(base=0.5, cap=10.0)
        while True:
            try:
                await self._store.delivery.complete(batch)
                return
            except Exception as exc:
                if is_redis_outage(exc):
                    self._outage.failed(exc, final=True)
                else:
                    log.exception("recording sends failed; retrying", extra={"outcomes": len(batch)})
                await asyncio.sleep(backoff.next())


class DeliveryWorker:
    def __init__(
        self,
        bot: Bot,
        store: Store,
        settings: Settings,
        pacing: Pacing,
        outage: Outage | None = None,
        *,
        metrics: Metrics | None = None,
    ) -> None:
        self._bot = bot
        self._metrics = metrics
        self._store = store
        self._settings = settings
        self._pacing = pacing
        self._outage = outage or Outage()
        self._backoff = Backoff(base=0.5, cap=5.0)
        self._instance = uuid.uuid4().hex[:8]
        self._wake = asyncio.Event()
        self._stopping = False
        self._inflight: set[asyncio.Task[None]] = set()  # one task per volley
        self._busy = 0  # claims in flight (sleeping until their slot or sending)
        self._task: asyncio.Task[None] | None = None
        self._recorder = Recorder(store, self._outage)
        self._lease_ms = int(settings.delivery_lease * 1000)
        # a send must end (or time out) well inside its lease, or the reaper could resend it meanwhile
        self._timeout = min(settings.send_timeout, settings.delivery_lease * 0.4)

    # --- lifecycle ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._recorder.start()
        self._task = asyncio.create_task(self._run(), name="khabar-delivery")

    def wake(self) -> None:
        """New work was queued by this process: look now instead of at the next idle tick."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop claiming, let the sends in flight finish and record their outcome."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None
        await self._recorder.close()

    # --- loop -------------------------------------------------------------------------------------------
    async def _run(self) -> None:
        last_reap = 0.0
        try:
            while not self._stopping:
                if time.monotonic() - last_reap >= REAP_EVERY:
                    last_reap = time.monotonic()
                    await self._reap()
                await self._step()
        finally:
            if self._inflight:
                await asyncio.gather(*self._inflight, return_exceptions=True)

    async def _step(self) -> None:
        free = self._settings.delivery_concurrency - self._busy
        if free <= 0:
            await asyncio.wait(self._inflight, return_when=asyncio.FIRST_COMPLETED)
            return
        self._wake.clear()
        want = min(free, self._settings.delivery_batch)
        loop = asyncio.get_running_loop()
        asked_at = loop.time()
        try:
            batch = await self._store.delivery.claim(want, self._pacing, self._lease_ms, self._instance)
        except Exception as exc:  # Redis down: the client retried already; back off, don't spin
            self._trouble("claim", exc)
            await self._sleep(self._backoff.next())
            return
        self._backoff.reset()
        # Redis's "now" of the claim lies between asking and the answer: slots count from the answer
        # (never early); the round trip is how late they may already be (a stalled loop shows here)
        answered_at = loop.time()
        slack = answered_at - asked_at
        volleys: dict[float, list[Claim]] = {}
        for claim in batch.claims:
            volleys.setdefault(claim.delay, []).append(claim)
        for delay, claims in volleys.items():
            self._busy += len(claims)
            task = asyncio.create_task(self._volley(answered_at + delay, claims, slack))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)
        if len(batch.claims) < want:
            # everything claimable up to the slot horizon is claimed (or sleeping until its slot): look
            # again when half the horizon has passed, not each time one more slot comes into reach
            refill = self._pacing.horizon_ms / 2000
            await self._sleep(IDLE if batch.wait is None else min(max(batch.wait, refill), IDLE))

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), seconds)
        except TimeoutError:
            pass

    async def _reap(self) -> None:
        try:
            reaped = await self._store.delivery.reap(self._settings.resend_unknown)
        except Exception as exc:
            self._trouble("reap", exc)
            return
        for ck in reaped:
            log.warning(
                "send outcome unknown after a lost lease",
                extra={"chat_id": ck, "policy": "resend" if self._settings.resend_unknown else "skip"},
            )

    # --- one message --------------------------------------------------------------------------------------
    def _trouble(self, what: str, exc: Exception) -> None:
        if is_redis_outage(exc):
            self._outage.failed(exc, final=True)
        else:
            log.error("%s failed", what, exc_info=exc)

    async def _volley(self, when: float, claims: list[Claim], slack: float = 0.0) -> None:
        """Sleep until the volley's slot (the one the claims reserved: never ask again), send them all,
        record their outcomes in one write — those answered within VOLLEY_WAIT; a straggler (a slow
        chat, a timeout) is recorded when it ends, so it holds no other outcome back. The claims count
        against delivery_concurrency until their outcomes are in Redis.

        A volley woken more than LATE after its slot (the event loop was busy elsewhere) would land
        among the next volleys and could put more in one second than the limit: it is released
        unsent (no attempt counted) and its chats claim fresh slots."""
        try:
            await _sleep_until(when)
            late_by = asyncio.get_running_loop().time() - when + slack
            if late_by > LATE:
                log.info("volley woke late: claiming anew", extra={"messages": len(claims), "late": round(late_by, 3)})
                for _ in claims:
                    self._count("retried", "late")
                await self._recorder.add([Outcome(claim, Kind.RELEASED, "released") for claim in claims])
                return
            sends = [asyncio.create_task(self._deliver(claim)) for claim in claims]
            done, late = await asyncio.wait(sends, timeout=VOLLEY_WAIT)
            writes = [self._record(done)]
            while late:
                done, late = await asyncio.wait(late, return_when=asyncio.FIRST_COMPLETED)
                writes.append(self._record(done))
            for written in writes:
                await written
        finally:
            self._busy -= len(claims)

    def _record(self, sends: set[asyncio.Task[Outcome | None]]) -> asyncio.Future[None]:
        return self._recorder.add([o for o in (send.result() for send in sends) if o is not None])

    async def _deliver(self, claim: Claim) -> Outcome | None:
        try:
            outcome = await self._send(claim)
        except Exception as exc:  # Redis failed while pausing or moving the chat: try that message again
            self._trouble("send bookkeeping", exc)
            outcome = Outcome(claim, Kind.RETRY, "neterr", self._backoff_for(claim))
        if outcome is not None:  # None: the chat was paused or moved; its queue state is settled
            self._count(*_result(outcome))
        return outcome

    def _count(self, result: str, reason: str) -> None:
        if self._metrics is not None:
            self._metrics.message(result, reason)

    async def _send(self, claim: Claim) -> Outcome | None:
        try:
            message_id = await send_html(
                self._bot,
                claim.chat_id,
                claim.text,
                thread_id=claim.thread_id,
                paid=self._settings.paid_broadcast,
                timeout=self._timeout,
            )
        except RetryAfter as exc:
            delay = retry_after_seconds(exc)
            log.warning("flood limit: waiting retry_after", extra={"chat_id": claim.ck, "retry_after": delay})
            return Outcome(claim, Kind.RETRY, "flood", int(delay * 1000))
        except ChatMigrated as exc:
            await lifecycle.migrate_chat(self._store, claim.chat_id, exc.new_chat_id)
            self._count("retried", "migrated")
            return None
        except Forbidden as exc:
            await self._gone(claim, str(exc))
            return None
        except BadRequest as exc:
            return await self._bad_request(claim, exc)
        except TimedOut:
            kind = Kind.RETRY if self._settings.resend_unknown else Kind.SKIPPED
            log.warning("send timed out: outcome unknown", extra={"chat_id": claim.ck, "job": claim.job})
            return Outcome(claim, kind, "unknown", self._backoff_for(claim))
        except NetworkError as exc:
            log.warning("send failed, will retry", extra={"chat_id": claim.ck, "error": str(exc)})
            return Outcome(claim, Kind.RETRY, "neterr", self._backoff_for(claim))
        except TelegramError as exc:
            log.error("send failed, will retry", extra={"chat_id": claim.ck, "error": repr(exc)})
            return Outcome(claim, Kind.RETRY, "neterr", self._backoff_for(claim))
        except Exception:
            log.exception("send crashed, will retry", extra={"chat_id": claim.ck})
            return Outcome(claim, Kind.RETRY, "neterr", self._backoff_for(claim))
        log.debug("sent", extra={"chat_id": claim.ck, "job": claim.job, "message_id": message_id})
        return Outcome(claim, Kind.SENT, "sent")

    async def _bad_request(self, claim: Claim, exc: BadRequest) -> Outcome | None:
        if lifecycle.is_terminal(exc.message):
            await self._gone(claim, exc.message)
            return None
        log.error(
            "telegram rejected a message; skipping it",
            extra={"chat_id": claim.ck, "job": claim.job, "part": claim.part, "error": exc.message},
        )
        return Outcome(claim, Kind.SKIPPED, "rejected")

    async def _gone(self, claim: Claim, description: str) -> None:
        log.info("chat unusable", extra={"chat_id": claim.ck, "error": description})
        self._count("failed", "chat_unusable")
        if lifecycle.is_topic_error(description):  # only this topic (or the General one) is closed
            await lifecycle.pause_topic(self._store, claim.chat_id, claim.thread_id)
        else:
            await lifecycle.pause_chat(self._store, claim.chat_id, PauseReason.GONE)
        await self._store.delivery.drop_chat(claim.ck)  # also when the subscription was already paused

    def _backoff_for(self, claim: Claim) -> int:
        seconds = min(self._settings.retry_backoff_max, 2**claim.attempts) * random.uniform(0.8, 1.2)
        return int(seconds * 1000)


async def _sleep_until(when: float) -> None:
    """Sleep until loop time `when`: claims of one volley share the deadline, so one timer wakes them."""
    delay = when - asyncio.get_running_loop().time()
    if delay > 0:
        await asyncio.sleep(delay)
