"""Soak the whole HTTP API on loopback: many clients, mixed traffic, a bounded run, then checks.

    .venv/bin/tpa demo --no-serve      # once, if data/demo.duckdb is missing (it is gitignored)
    .venv/bin/python bench/soak.py     # 50 clients, 120 s, 20 s warm-up, data/demo.duckdb
    .venv/bin/python bench/soak.py --clients 10 --seconds 30 --warmup 5 --json build/soak.json

Starts `tpa serve` on a free port, like bench/api.py (its own process; one API key per client, and
the per-key rate limit lifted so that it does not shape the traffic), on a copy of the database and
its retrieval index in a temporary folder: thumbs-up feedback writes retrieval examples, and turns
are stored, next to the database, and a soak must not change the demo's files.

Each client (asyncio + httpx) keeps a conversation and mixes: the catalog's example questions in
English and Chinese, follow-ups in the same session ("and by channel?", "只看微信", …), some over
`/v1/ask/stream`, `/v1/catalog`, thumbs on its answers, `GET /v1/sessions/{id}`, `/healthz`, and
invalid requests (empty or blank question, a 100 KB question, malformed JSON, a missing field, no
API key, an unknown session or answer) that must get a 4xx, or a 200 whose answer carries `error`.

With `--hostile-llm`, the server's LLM is a local fake that answers every call with a reply drawn
from the attack corpus (tests/security/corpus.py: SQL that reads files, the catalog or other
roles' rows, plan oracles such as `stats()` and `json_serialize_plan`, cut-off SQL that crashed
sqlglot, hostile tool calls and plans), and a share of the questions (`hostile` in `ACTIONS`) asks
with `backend: "llm"`: each must end in an answer (the built-in planner's, with a warning), never a
5xx, and memory must stay bounded.

Reported from one run: requests by route and status, requests/second, median and p95 latency
(overall and for `/v1/ask`), 5xx (none allowed), lost turns (every session read back at the end
must hold exactly the questions and answers its client was given, in order), and the server's RSS
(its process and any children, VmRSS and RssAnon from /proc, every second): after the warm-up, at
the end, the maximum, and the slope of a linear fit after the warm-up; growth over `--max-growth`
percent is flagged. Exit status 1 when there was any 5xx, broken stream or lost turn (memory growth
is flagged, not failed: caches and allocator arenas filling up look like a leak for a few minutes;
read the slope, or run longer).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from loopback import ROOT, questions, served, tail

FOLLOW_UPS = ("and by channel?", "只看微信", "what about the week before?", "按设备看", "top 3")
# What a client does next, and how often (weights): mostly questions, as in a real chat.
ACTIONS = dict(
    ask=30, follow_up=22, stream=10, catalog=7, feedback=8, read_session=7, healthz=5, invalid=11
)
HOSTILE_WEIGHT = 20  # `hostile` questions (backend "llm") per 100 other actions, --hostile-llm
INVALID = (
    "empty",
    "blank",
    "100kb",
    "bad_json",
    "no_question",
    "no_key",
    "unknown_session",
    "unknown_answer",
)
# Invalid questions the API may answer (200) with an `error` instead of refusing them.
ANSWER_ERRORS = {"empty": "empty_question", "blank": "empty_question", "100kb": "question_too_long"}
TURNS_PER_SESSION = 8  # a client starts a new conversation after about this many turns
ASK = "POST /v1/ask"


@dataclass
class Recorder:
    """Everything the clients saw, shared by all of them (one event loop: no locks needed)."""

    latency: dict[str, list[float]] = field(default_factory=dict)  # route → ms
    calls: Counter[tuple[str, str]] = field(default_factory=Counter)  # (route, status)
    invalid: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, outcome)
    server_errors: list[str] = field(default_factory=list)  # 5xx, broken streams, odd bodies
    transport: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # invalid requests that were not refused
    turns: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # session → turns
    uncertain: set[str] = field(default_factory=set)  # sessions with a transport error
    mismatched: list[str] = field(default_factory=list)  # sessions read back wrong mid-run
    owners: dict[str, str] = field(default_factory=dict)  # session → the key that owns it

    def call(self, route: str, status: int, ms: float, detail: str = "") -> None:
        self.latency.setdefault(route, []).append(ms)
        self.calls[(route, str(status))] += 1
        if status >= 500:
            self.server_errors.append(f"{route} → {status} {detail[:160]}")

    def turn(self, answer: dict[str, Any], question: str, key: str) -> str:
        """Note an answered question in its session (owned by `key`); the session id."""
        session = str(answer["session_id"])
        self.turns.setdefault(session, []).append((question, str(answer["id"])))
        self.owners[session] = key
        return session


class Client:
    """One simulated user: a conversation at a time, actions drawn from `ACTIONS`."""

    def __init__(
        self,
        n: int,
        http: httpx.AsyncClient,
        rec: Recorder,
        rng: random.Random,
        hostile: bool = False,
    ) -> None:
        self.http, self.rec, self.rng = http, rec, rng
        self.headers = {"X-API-Key": f"soak{n}"}
        self.questions = questions()
        self.session: str | None = None
        self.answers: list[str] = []
        actions = {**ACTIONS, **({"hostile": HOSTILE_WEIGHT} if hostile else {})}
        self.actions = list(actions)
        self.weights = list(actions.values())

    async def step(self) -> None:
        action = self.rng.choices(self.actions, self.weights)[0]
        if action in ("follow_up", "read_session") and self.session is None:
            action = "ask"
        if action == "feedback" and not self.answers:
            action = "ask"
        try:
            await getattr(self, action)()
        except httpx.TransportError as exc:
            self.rec.transport.append(f"{action}: {exc!r}"[:200])
            if self.session is not None:
                self.rec.uncertain.add(self.session)
            self.session = None

    async def _post(self, route: str, url: str, **kw: Any) -> httpx.Response:
        started = time.perf_counter()
        response = await self.http.post(url, **kw)
        self.rec.call(route, response.status_code, _ms(started), response.text)
        return response

    async def _get(self, route: str, url: str, **kw: Any) -> httpx.Response:
        started = time.perf_counter()
        response = await self.http.get(url, **kw)
        self.rec.call(route, response.status_code, _ms(started), response.text)
        return response

    async def _ask(self, question: str) -> None:
        body = {"question": question, **({"session_id": self.session} if self.session else {})}
        response = await self._post(ASK, "/v1/ask", json=body, headers=self.headers)
        if response.status_code == 200:
            self._answered(response.json(), question)

    def _answered(self, answer: dict[str, Any], question: str) -> None:
        self.session = self.rec.turn(answer, question, self.headers["X-API-Key"])
        self.answers.append(str(answer["id"]))
        if len(self.rec.turns[self.session]) >= TURNS_PER_SESSION:
            self.session = None  # a new conversation

    async def ask(self) -> None:
        await self._ask(self.rng.choice(self.questions))

    async def follow_up(self) -> None:
        await self._ask(self.rng.choice(FOLLOW_UPS))

    async def hostile(self) -> None:
        """A question the (hostile) LLM plans: it must still end in a stored answer."""
        question = self.rng.choice(self.questions)
        body = {"question": question, "backend": "llm"}
        response = await self._post("POST /v1/ask [hostile llm]", "/v1/ask", json=body,
                                    headers=self.headers)  # fmt: skip
        if response.status_code == 200:
            self.rec.turn(response.json(), question, self.headers["X-API-Key"])

    async def stream(self) -> None:
        question = self.rng.choice(self.questions)
        body = {"question": question, **({"session_id": self.session} if self.session else {})}
        route = "POST /v1/ask/stream"
        started = time.perf_counter()
        async with self.http.stream("POST", "/v1/ask/stream", json=body, headers=self.headers) as r:
            final = await _last_event(r) if r.status_code == 200 else None
        self.rec.call(route, r.status_code, _ms(started))
        if r.status_code != 200:
            return
        if final is None or final[0] != "answer":
            what = "no final event" if final is None else f"final event {final[0]!r}"
            self.rec.server_errors.append(f"{route}: {what}")
            return
        self._answered(final[1], question)

    async def catalog(self) -> None:
        await self._get("GET /v1/catalog", "/v1/catalog", headers=self.headers)

    async def healthz(self) -> None:
        await self._get("GET /healthz", "/healthz")

    async def feedback(self) -> None:
        rating = self.rng.choice(["up", "down"])
        body = {"answer_id": self.rng.choice(self.answers), "rating": rating}
        await self._post("POST /v1/feedback", "/v1/feedback", json=body, headers=self.headers)

    async def read_session(self) -> None:
        """Read the conversation back mid-run: it must hold exactly the turns answered so far."""
        assert self.session is not None
        sid = self.session
        response = await self._get(
            "GET /v1/sessions/{id}", f"/v1/sessions/{sid}", headers=self.headers
        )
        if response.status_code != 200:
            self.rec.mismatched.append(f"{sid}: read back mid-run → {response.status_code}")
        elif sid not in self.rec.uncertain and (
            problem := compare(self.rec.turns[sid], response.json()["turns"])
        ):
            self.rec.mismatched.append(f"{sid} (mid-run): {problem}")

    async def invalid(self) -> None:
        kind = self.rng.choice(INVALID)
        route, url, kw = invalid_request(kind, self.session, self.headers)
        response = await self._post(f"{route} [invalid]", url, **kw)
        status = response.status_code
        if 400 <= status < 500:
            self.rec.invalid[(kind, str(status))] += 1
            return
        if status != 200:
            return  # a 5xx, already counted
        answer = response.json()
        code = (answer.get("error") or {}).get("code")
        self.rec.invalid[(kind, f"200 {code}")] += 1
        if code != ANSWER_ERRORS.get(kind):
            self.rec.unexpected.append(f"{kind}: 200 with error {code!r}")
        question = kw["json"]["question"]
        key = self.headers["X-API-Key"]
        session = self.rec.turn(answer, question, key)  # a refused question is a stored turn too
        if self.session is None or session != self.session:
            self.session = session


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


async def _last_event(response: httpx.Response) -> tuple[str, dict[str, Any]] | None:
    """The stream's final event (`answer` or `error`) and its data; None if it never came."""
    event, final = "", None
    async for line in response.aiter_lines():
        if line.startswith("event: "):
            event = line[len("event: ") :]
        elif line.startswith("data: ") and event in ("answer", "error"):
            try:
                final = (event, json.loads(line[len("data: ") :]))
            except ValueError:
                final = ("unparsable", {})
    return final


def invalid_request(
    kind: str, session: str | None, headers: dict[str, str]
) -> tuple[str, str, dict[str, Any]]:
    """(route, url, httpx keywords) of one invalid POST of `kind` (see `INVALID`)."""
    if kind == "unknown_answer":
        body = {"answer_id": uuid.uuid4().hex, "rating": "up"}
        return "POST /v1/feedback", "/v1/feedback", {"json": body, "headers": headers}
    in_session = {"session_id": session} if session else {}
    long = ("which channel lost the most users " * 3000)[:100_000]
    json_type = {**headers, "content-type": "application/json"}
    requests: dict[str, dict[str, Any]] = {
        "empty": {"json": {"question": "", **in_session}, "headers": headers},
        "blank": {"json": {"question": "  \n\t\u3000 ", **in_session}, "headers": headers},
        "100kb": {"json": {"question": long, **in_session}, "headers": headers},
        "bad_json": {"content": b'{"question": "top 3", ', "headers": json_type},
        "no_question": {"json": {"session_id": session or uuid.uuid4().hex}, "headers": headers},
        "no_key": {"json": {"question": "top 3", **in_session}},
        "unknown_session": {
            "json": {"question": "top 3", "session_id": uuid.uuid4().hex},
            "headers": headers,
        },
    }
    return ASK, "/v1/ask", requests[kind]


def compare(seen: list[tuple[str, str]], stored: list[dict[str, Any]]) -> str:
    """'' when the stored turns are exactly the ones the client saw, in order; else what differs."""
    got = [(str(t["question"]), str(t["answer_id"])) for t in stored]
    if got == seen:
        return ""
    if len(got) != len(seen):
        return f"{len(seen)} turns answered, {len(got)} stored"
    first = next(i for i, (a, b) in enumerate(zip(seen, got, strict=True)) if a != b)
    return (
        f"turn {first + 1} differs: answered {seen[first][0][:40]!r}, stored {got[first][0][:40]!r}"
    )


def is_subsequence(seen: list[tuple[str, str]], stored: list[dict[str, Any]]) -> bool:
    got = iter((str(t["question"]), str(t["answer_id"])) for t in stored)
    return all(turn in got for turn in seen)


async def check_sessions(base: str, rec: Recorder) -> tuple[int, list[str]]:
    """Read back every session the clients used; (turns checked, problems)."""
    problems: list[str] = []
    limits = httpx.Limits(max_connections=8)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:

        async def one(sid: str) -> None:
            seen = rec.turns[sid]
            key = rec.owners.get(sid, "soak0")  # sessions are readable by their own key only
            r = await http.get(f"/v1/sessions/{sid}", headers={"X-API-Key": key})
            if r.status_code != 200:
                problems.append(f"{sid}: GET /v1/sessions → {r.status_code} {r.text[:120]}")
            elif sid in rec.uncertain:
                if not is_subsequence(seen, r.json()["turns"]):
                    problems.append(f"{sid}: a turn answered before a transport error is missing")
            elif problem := compare(seen, r.json()["turns"]):
                problems.append(f"{sid}: {problem}")

        await asyncio.gather(*(one(sid) for sid in rec.turns))
    return sum(len(t) for t in rec.turns.values()), rec.mismatched + problems


# -- the hostile LLM ---------------------------------------------------------------------------


@contextlib.contextmanager
def hostile_llm(seed: int) -> Iterator[Any]:
    """A fake OpenAI-compatible endpoint answering each call with a random attack from the
    corpus (its LLM channels), the canary placeholders pointing nowhere."""
    from tests.fakes.openai_server import FakeOpenAI, PlanReply, TextReply
    from tests.security.corpus import CASES

    replies: list[Any] = []
    for case in CASES:
        payload = case.payload
        if case.channel == "llm-sql" and isinstance(payload, str):
            replies.append(PlanReply({"kind": "sql", "sql": _nowhere(payload), "rationale": "x"}))
        elif case.channel in ("llm-plan", "llm-tool") and isinstance(payload, dict):
            replies.append(PlanReply(json.loads(_nowhere(json.dumps(payload)))))
        elif case.channel in ("llm-plan", "llm-tool") and isinstance(payload, str):
            replies.append(TextReply(_nowhere(payload)))
    rng = random.Random(seed)
    lock = threading.Lock()

    def script(index: int, body: dict[str, Any]) -> Any:
        with lock:
            return rng.choice(replies)

    with FakeOpenAI(script) as fake:
        yield fake


def _nowhere(text: str) -> str:
    for mark in ("$FILE", "$PARQUET", "$DIR"):
        text = text.replace(mark, "/nonexistent/tpa-soak")
    return text


# -- the server and its memory -----------------------------------------------------------------


def rss_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, RssAnon) of `pid` and all its descendants, in MB, from /proc (0 once gone).
    RssAnon is the heap: growth there, not in mapped files, is what a leak looks like."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    kb, todo = Counter[str](), [pid]
    while todo:
        current = todo.pop()
        todo.extend(parents.get(current, []))
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith(("VmRSS:", "RssAnon:")):
                kb[line.split(":")[0]] += int(line.split()[1])
    return kb["VmRSS"] / 1024, kb["RssAnon"] / 1024


class RssSampler(threading.Thread):
    """Samples `rss_mb(pid)` every `every` seconds from its own thread, so that a busy event
    loop does not delay the samples; `samples` holds (seconds since `started`, RSS, anon MB)."""

    def __init__(self, pid: int, started: float, every: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.started, self.every = pid, started, every
        self.samples: list[tuple[float, float, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while True:
            self.samples.append((time.monotonic() - self.started, *rss_mb(self.pid)))
            if self.stop.wait(self.every):
                return


def memory(
    samples: list[tuple[float, float, float]], warmup: float, max_growth: float
) -> dict[str, Any]:
    """RSS when the load began, after the warm-up, at the end and at most; the slope of a
    least-squares line after the warm-up (MB/min), for RSS and for its anonymous part. "After
    the warm-up" and "at the end" are medians of 10 s, as RSS jitters by tens of MB."""
    steady = [s for s in samples if s[0] >= warmup] or samples[-2:]
    t0, t1 = steady[0][0], steady[-1][0]
    first = [s for s in steady if s[0] < t0 + 10]
    last = [s for s in steady if s[0] > t1 - 10]
    start, anon0 = (statistics.median(s[i] for s in first) for i in (1, 2))
    end, anon1 = (statistics.median(s[i] for s in last) for i in (1, 2))

    def slope(i: int) -> float:
        if t1 <= t0:
            return 0.0
        fit = statistics.linear_regression([s[0] for s in steady], [s[i] for s in steady])
        return round(fit.slope * 60, 2)

    growth = (end - start) / start * 100 if start else 0.0
    return {
        "warmup_s": warmup,
        "first_mb": round(samples[0][1], 1),
        "start_mb": round(start, 1),
        "end_mb": round(end, 1),
        "max_mb": round(max(s[1] for s in samples), 1),
        "slope_mb_per_min": slope(1),
        "growth_pct": round(growth, 1),
        "anon_start_mb": round(anon0, 1),
        "anon_end_mb": round(anon1, 1),
        "anon_slope_mb_per_min": slope(2),
        "window_s": round(t1 - t0, 1),
        "flag": growth > max_growth,
        "max_growth_pct": max_growth,
        "series": [[round(t), round(mb), round(anon)] for t, mb, anon in samples[::5]],
    }


# -- the run and its report --------------------------------------------------------------------


async def client_loop(
    base: str, n: int, until: float, rec: Recorder, seed: int, hostile: bool = False
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        client = Client(n, http, rec, random.Random(seed * 10_007 + n), hostile)
        while time.monotonic() < until:
            try:
                await client.step()
            except (KeyError, TypeError, ValueError) as exc:  # a 200 without the Answer's fields
                rec.server_errors.append(f"client {n}: unexpected response ({exc!r})")


async def soak(
    base: str, clients: int, seconds: float, seed: int, hostile: bool = False
) -> tuple[Recorder, float]:
    rec = Recorder()
    started = time.monotonic()
    until = started + seconds
    loops = (client_loop(base, n, until, rec, seed, hostile) for n in range(clients))
    await asyncio.gather(*loops)
    return rec, time.monotonic() - started


def percentiles(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {"n": 0, "median_ms": 0.0, "p95_ms": 0.0}
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) > 1 else ms[0]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1)}


def figures(rec: Recorder, elapsed: float, turns: int, problems: list[str]) -> dict[str, Any]:
    every = [ms for route in rec.latency.values() for ms in route]
    routes = {
        route: {
            **percentiles(ms),
            "status": {s: n for (r, s), n in rec.calls.items() if r == route},
        }
        for route, ms in sorted(rec.latency.items())
    }
    return {
        "requests": len(every),
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(every) / elapsed, 1),
        "latency": {"all": percentiles(every), ASK: percentiles(rec.latency.get(ASK, []))},
        "routes": routes,
        "invalid": {f"{k} → {o}": n for (k, o), n in sorted(rec.invalid.items())},
        "server_errors": sum(n for (_, s), n in rec.calls.items() if s.startswith("5")),
        "broken": rec.server_errors[:50],
        "transport_errors": len(rec.transport),
        "transport": rec.transport[:20],
        "not_refused": rec.unexpected[:20],
        "sessions": len(rec.turns),
        "turns": turns,
        "uncertain_sessions": len(rec.uncertain),
        "lost_turn_sessions": len(problems),
        "lost": problems[:50],
    }


def report(args: argparse.Namespace, fig: dict[str, Any]) -> None:
    mem = fig["memory"]
    print(f"soak: {args.clients} clients × {args.seconds:g} s on a copy of {args.db.name}")
    print(
        f"{fig['requests']} requests in {fig['seconds']} s = {fig['requests_per_s']} req/s; "
        f"5xx: {fig['server_errors']}; transport errors: {fig['transport_errors']}"
    )
    print(f"  {'route':<30} {'requests':>8} {'median':>8} {'p95':>8}  statuses")
    for name, p in [*fig["latency"].items(), *fig["routes"].items()]:
        statuses = "  ".join(f"{s}×{n}" for s, n in sorted(p.get("status", {}).items()))
        print(
            f"  {name:<30} {p['n']:>8} {p['median_ms']:>6.0f}ms {p['p95_ms']:>6.0f}ms  {statuses}"
        )
    print("  invalid requests: " + ", ".join(f"{k} ×{n}" for k, n in fig["invalid"].items()))
    print(
        f"turns: {fig['turns']} answered in {fig['sessions']} sessions, all read back; "
        f"lost or out of order: {fig['lost_turn_sessions']} sessions "
        f"({fig['uncertain_sessions']} had a transport error and were checked loosely)"
    )
    print(
        f"memory (VmRSS, server + children): {mem['first_mb']:.0f} MB when the load began, "
        f"{mem['start_mb']:.0f} MB after the {mem['warmup_s']:g} s warm-up, "
        f"{mem['end_mb']:.0f} MB at the end, max {mem['max_mb']:.0f} MB; "
        f"slope {mem['slope_mb_per_min']:+.1f} MB/min over {mem['window_s']:.0f} s; "
        f"growth {mem['growth_pct']:+.1f}% "
        f"({'FLAG: over' if mem['flag'] else 'within'} {mem['max_growth_pct']:g}%); "
        f"anonymous {mem['anon_start_mb']:.0f} → {mem['anon_end_mb']:.0f} MB, "
        f"{mem['anon_slope_mb_per_min']:+.1f} MB/min"
    )
    for title in ("broken", "lost", "transport", "not_refused"):
        for item in fig[title][:10]:
            print(f"  {title}: {item}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--warmup", type=float, default=20, help="seconds before steady state")
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "demo.duckdb")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-growth", type=float, default=10.0, help="RSS growth %% to flag")
    parser.add_argument("--server-log", type=Path, help="keep the server's stderr here")
    parser.add_argument(
        "--hostile-llm", action="store_true",
        help="serve with a fake LLM answering from the attack corpus, and ask it some questions",
    )  # fmt: skip
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"{args.db}: build it first with `.venv/bin/tpa demo --no-serve`")
    with tempfile.TemporaryDirectory(prefix="tpa-soak-") as tmp:
        fig = run(args, args.server_log or Path(tmp) / "server.log")
    report(args, fig)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(fig, ensure_ascii=False, indent=2) + "\n")
    return 1 if fig["server_errors"] or fig["lost_turn_sessions"] or fig["broken"] else 0


def run(args: argparse.Namespace, log: Path) -> dict[str, Any]:
    keys = [f"soak{n}:analyst" for n in range(args.clients)]
    with contextlib.ExitStack() as stack:
        env: dict[str, str] = {}
        fake = None
        if args.hostile_llm:
            fake = stack.enter_context(hostile_llm(args.seed))
            env = {"TPA_LLM_BASE_URL": fake.base_url, "TPA_LLM_MODEL": "hostile"}
        base, pid = stack.enter_context(served(args.db, keys, log, env))
        sampler = RssSampler(pid, time.monotonic())
        sampler.start()
        rec, elapsed = asyncio.run(
            soak(base, args.clients, args.seconds, args.seed, args.hostile_llm)
        )
        sampler.stop.set()
        sampler.join()
        turns, problems = asyncio.run(check_sessions(base, rec))
        llm_calls = len(fake.requests) if fake is not None else 0
    fig = figures(rec, elapsed, turns, problems)
    fig["memory"] = memory(sampler.samples, args.warmup, args.max_growth)
    fig["config"] = {
        "clients": args.clients,
        "seconds": args.seconds,
        "db": str(args.db),
        "seed": args.seed,
        "server_pid": pid,
        "hostile_llm": args.hostile_llm,
        "hostile_llm_calls": llm_calls,
    }
    if fig["server_errors"] or fig["broken"]:
        fig["server_log_tail"] = tail(log, 60)
        print(fig["server_log_tail"], file=sys.stderr)
    return fig


if __name__ == "__main__":
    raise SystemExit(main())
