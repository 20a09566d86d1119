"""LLM settings and transport failures against a real local fake server: timeouts, dead ports,
error statuses, dropped connections, and an API key that never shows in errors."""

from __future__ import annotations

import time
from datetime import date

import openai
import pytest

from assistant.llm import LlmPlanner, LlmSettings, LlmUnavailable
from assistant.llm.client import make_client, safe_url
from assistant.retrieval.grounding import Grounding
from semantic_layer.errors import UserError
from semantic_layer.model import demo_model
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import QueryPlan
from tests.fakes.openai_server import (
    Drop,
    ErrorReply,
    FakeOpenAI,
    Hang,
    PlanReply,
    Reply,
    dead_port,
)

KEY = "sk-test-SECRET-0123456789"
TODAY = date(2026, 11, 23)
DROPOFF = {"kind": "dropoff", "time": "last_week"}


@pytest.fixture(scope="module")
def model() -> SemanticModel:
    return demo_model()


def accept(plan: QueryPlan) -> None:
    """A validator that accepts every plan (these tests are about the transport)."""


def fail_with(settings: LlmSettings, model: SemanticModel) -> tuple[LlmUnavailable, float]:
    started = time.perf_counter()
    with pytest.raises(LlmUnavailable) as caught:
        LlmPlanner(settings, model).plan(
            "which touchpoint lost the most users",
            grounding=Grounding(),
            today=TODAY,
            validate=accept,
        )
    return caught.value, time.perf_counter() - started


def settings_for(url: str, **changes: object) -> LlmSettings:
    values: dict[str, object] = {"base_url": url, "model": "fake-model", "api_key": KEY}
    return LlmSettings.model_validate({**values, "timeout_s": 1.0, **changes})


def test_from_env_reads_the_settings() -> None:
    env = {
        "TPA_LLM_BASE_URL": "http://localhost:11434/v1/",
        "TPA_LLM_MODEL": "qwen2.5:7b",
        "TPA_LLM_API_KEY": KEY,
        "TPA_LLM_METHOD": "function-calling",
        "TPA_LLM_TIMEOUT": "7.5",
    }
    settings = LlmSettings.from_env(env)
    assert settings is not None
    assert (settings.base_url, settings.model, settings.method) == (
        "http://localhost:11434/v1",
        "qwen2.5:7b",
        "function_calling",
    )
    assert (settings.timeout_s, settings.max_retries, settings.temperature) == (7.5, 1, 0.0)
    assert KEY not in repr(settings) and KEY not in str(settings)


def test_from_env_defaults_and_unset() -> None:
    assert LlmSettings.from_env({}) is None
    assert LlmSettings.from_env({"TPA_LLM_BASE_URL": "http://x/v1"}) is None
    assert LlmSettings.from_env({"TPA_LLM_MODEL": "m", "TPA_LLM_BASE_URL": " "}) is None
    settings = LlmSettings.from_env({"TPA_LLM_BASE_URL": "http://x/v1", "TPA_LLM_MODEL": "m"})
    assert settings is not None
    assert (settings.api_key, settings.method, settings.timeout_s) == ("", "json_schema", 20.0)


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("TPA_LLM_METHOD", "json_shema", "did you mean 'json_schema'?"),
        ("TPA_LLM_TIMEOUT", "soon", "not a number of seconds"),
        ("TPA_LLM_TIMEOUT", "0", "not a number of seconds"),
        ("TPA_LLM_TIMEOUT", "9999", "between 0 and 300"),
        ("TPA_LLM_BASE_URL", "localhost:11434", "not an http(s) URL"),
    ],
)
def test_from_env_bad_values_are_user_errors(name: str, value: str, says: str) -> None:
    env = {"TPA_LLM_BASE_URL": "http://x/v1", "TPA_LLM_MODEL": "m", name: value}
    with pytest.raises(UserError) as caught:
        LlmSettings.from_env(env)
    assert says in str(caught.value) and name in str(caught.value)


def test_retries_are_bounded() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        LlmSettings(base_url="http://x/v1", model="m", max_retries=10)


def test_a_server_that_never_answers_times_out(model: SemanticModel) -> None:
    with FakeOpenAI(lambda index, body: Hang(30)) as server:
        error, elapsed = fail_with(settings_for(server.base_url, max_retries=1), model)
        stopping = time.perf_counter()
    assert time.perf_counter() - stopping < 1.0  # a hanging reply does not hold up shutdown
    assert error.code == "llm_timeout"
    assert len(server.requests) == 2  # one try and one bounded retry
    # about timeout × (retries + 1), plus the client's short back-off
    assert 2.0 <= elapsed < 4.5
    [call] = error.calls
    assert call.outcome == "timeout" and call.ms >= 2000
    assert "did not answer within 1 s" in error.message


def test_a_dead_port_is_unreachable_quickly(model: SemanticModel) -> None:
    url = f"http://127.0.0.1:{dead_port()}/v1"
    error, elapsed = fail_with(settings_for(url, max_retries=0), model)
    assert error.code == "llm_unreachable" and elapsed < 1.0
    assert [c.outcome for c in error.calls] == ["unreachable"]
    assert error.message.startswith("cannot reach http://127.0.0.1:")


def test_a_dropped_connection_is_unreachable(model: SemanticModel) -> None:
    with FakeOpenAI([Drop(), Drop()]) as server:
        error, _ = fail_with(settings_for(server.base_url, max_retries=1), model)
    assert error.code == "llm_unreachable" and len(server.requests) == 2
    assert "lost the connection" in error.message


def test_http_500_is_an_http_error_after_bounded_retries(model: SemanticModel) -> None:
    script: list[Reply] = [ErrorReply(500, "model overloaded")] * 5
    with FakeOpenAI(script) as server:
        error, elapsed = fail_with(settings_for(server.base_url, max_retries=1), model)
    assert error.code == "llm_http_error" and len(server.requests) == 2
    assert "HTTP 500" in error.message and "model overloaded" in error.message
    assert [c.outcome for c in error.calls] == ["http_error"] and elapsed < 3.0


def test_a_500_then_a_plan_succeeds_within_the_client_retries(model: SemanticModel) -> None:
    with FakeOpenAI([ErrorReply(503), PlanReply(DROPOFF)]) as server:
        settings = settings_for(server.base_url, max_retries=1)
        result = LlmPlanner(settings, model).plan(
            "drop-off last week", grounding=Grounding(), today=TODAY, validate=accept
        )
    assert result.plan.kind == "dropoff" and len(server.requests) == 2
    assert [c.outcome for c in result.calls] == ["ok"]


def test_the_api_key_is_sent_but_never_in_errors(model: SemanticModel) -> None:
    leak = ErrorReply(401, f"Incorrect API key provided: {KEY}", "invalid_request_error")
    with FakeOpenAI([leak]) as server:
        error, _ = fail_with(settings_for(server.base_url, max_retries=1), model)
    assert server.headers[0]["authorization"] == f"Bearer {KEY}"
    assert len(server.requests) == 1  # a 401 is not retried
    assert error.code == "llm_http_error" and "HTTP 401" in error.message
    assert KEY not in error.message and KEY not in str(error) and "***" in error.message
    unreachable, _ = fail_with(
        settings_for(f"http://user:{KEY}@127.0.0.1:{dead_port()}/v1", max_retries=0), model
    )
    assert KEY not in str(unreachable) and "user" not in unreachable.message


def test_no_key_is_fine_for_local_servers(model: SemanticModel) -> None:
    with FakeOpenAI([PlanReply(DROPOFF)]) as server:
        settings = LlmSettings(base_url=server.base_url, model="fake-model")
        result = LlmPlanner(settings, model).plan(
            "drop-off", grounding=Grounding(), today=TODAY, validate=accept
        )
    assert result.plan.kind == "dropoff"


def test_the_fake_lists_its_model() -> None:
    with FakeOpenAI([]) as server, make_client(settings_for(server.base_url)) as client:
        assert [m.id for m in client.models.list()] == ["fake-model"]
        with pytest.raises(openai.BadRequestError, match="no scripted reply left"):
            client.chat.completions.create(model="fake-model", messages=[])


def test_safe_url_drops_credentials() -> None:
    assert (
        safe_url("https://u:p@api.example.com:8443/v1?key=k#x") == "https://api.example.com:8443/v1"
    )
