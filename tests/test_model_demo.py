"""The demo model: complete for the demo data, clean against it, and its look-ups work in both
languages with "did you mean" for unknown names."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import semantic_layer
from connectors.canonical import TABLES
from connectors.demo.catalog import (
    CAMPAIGNS,
    CATEGORIES,
    CHANNELS,
    DEFAULT_JOURNEY,
    DEVICES,
    REGIONS,
    TOUCHPOINT_IDS,
)
from connectors.profile import profile_database
from semantic_layer.errors import UserError
from semantic_layer.model import (
    DEMO_MODEL_PATH,
    DataProfile,
    Ref,
    SemanticModel,
    demo_model,
    validate_file,
)
from semantic_layer.model.base import Named
from tests.demo_cache import demo_copy


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> DataProfile:
    path = demo_copy(tmp_path_factory, "demo", events=20_000)
    return profile_database(path)


@pytest.fixture(scope="module")
def model() -> SemanticModel:
    return demo_model()


def test_the_demo_model_is_clean_against_the_demo_data(profile: DataProfile) -> None:
    report = validate_file(DEMO_MODEL_PATH, schema=profile.schema(), samples=profile.samples())
    assert [str(p) for p in report.problems] == []
    assert report.summary().startswith("model OK: ")


def test_it_covers_every_table_channel_touchpoint_and_value(model: SemanticModel) -> None:
    assert set(TABLES) <= set(model.tables)
    assert [str(v.value) for v in model.values("channel")] == list(CHANNELS)
    assert {t.id for t in model.spec.touchpoints} == set(TOUCHPOINT_IDS)
    assert {str(v.value) for v in model.values("touchpoint")} == set(TOUCHPOINT_IDS)
    assert {str(v.value) for v in model.values("device")} == set(DEVICES)
    assert {str(v.value) for v in model.values("region")} == set(REGIONS)
    assert {str(v.value) for v in model.values("ticket_category")} == set(CATEGORIES)
    assert set(CAMPAIGNS) <= {str(v.value) for v in model.values("campaign")}
    assert model.journey().steps == DEFAULT_JOURNEY
    assert model.journey().window_days == 7
    assert model.settings.purchase_touchpoint == "payment"


def test_everything_is_named_in_english_and_chinese(model: SemanticModel) -> None:
    named: list[Named] = [*model.spec.metrics, *model.spec.dimensions]
    named += [*model.spec.touchpoints, *model.spec.journeys]
    for item in named:
        assert item.labels is not None and item.labels.zh, item.key
        assert item.synonyms.en and item.synonyms.zh, item.key
    for dim in model.spec.dimensions:
        for value in dim.values:
            assert value.labels is not None and value.labels.zh, (dim.name, value.value)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("公众号", Ref("value", "channel", "wechat_oa")),
        ("服务号", Ref("value", "channel", "wechat_oa")),
        ("WeChat OA", Ref("value", "channel", "wechat_oa")),
        ("小程序", Ref("value", "channel", "mini_program")),
        ("小程序", Ref("value", "acquisition_channel", "mini_program")),
        ("官网", Ref("value", "channel", "website")),
        ("门店", Ref("value", "channel", "store")),
        ("投放", Ref("value", "channel", "paid_ads")),
        ("EDM", Ref("value", "channel", "email_sms")),
        ("华南", Ref("value", "region", "South")),
        ("苹果", Ref("value", "device", "ios")),
        ("安卓", Ref("value", "device", "android")),
        ("上海", Ref("value", "city", "Shanghai")),
        ("大促", Ref("value", "campaign", "flash_sale")),
        ("金卡", Ref("value", "member_tier", "gold")),
        ("投诉", Ref("value", "is_complaint", True)),
        ("转化率", Ref("metric", "conversion_rate")),
        ("conversion rate", Ref("metric", "conversion_rate")),
        ("GMV", Ref("metric", "revenue")),
        ("客单价", Ref("metric", "aov")),
        ("净推荐值", Ref("metric", "nps")),
        ("首响时长", Ref("metric", "first_response_time")),
        ("详情页", Ref("touchpoint", "product_page")),
        ("Add To Cart", Ref("touchpoint", "add_to_cart")),
        ("区域", Ref("dimension", "region")),
        ("获客渠道", Ref("dimension", "acquisition_channel")),
        ("购买漏斗", Ref("journey", "purchase_journey")),
    ],
)
def test_words_in_both_languages_find_what_they_name(
    model: SemanticModel, term: str, expected: Ref
) -> None:
    assert expected in model.lookup(term)


def test_lookups_accept_names_labels_and_synonyms(model: SemanticModel) -> None:
    assert model.metric("checkout_conversion").name == "checkout_conversion"
    assert model.metric("结账转化率").name == "checkout_conversion"
    assert model.metric("CSAT").name == "csat"
    assert model.dimension("会员等级").name == "member_tier"
    assert model.touchpoint("加购").id == "add_to_cart"
    assert model.journey("site_purchase").steps[0] == "product_page"
    assert model.journey().default
    assert model.measure("revenue").agg == "sum"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.metric("convertion rate"), "unknown metric 'convertion rate' — did you mean "),
        (lambda m: m.touchpoint("prodcut_page"), "did you mean 'product_page'?"),
        (lambda m: m.dimension("regoin"), "did you mean 'region'?"),
        (lambda m: m.journey("purchase_jorney"), "did you mean 'purchase_journey'?"),
        (lambda m: m.policy("east_marketng"), "did you mean 'east_marketing'?"),
        (lambda m: m.measure("revenu"), "did you mean 'revenue'?"),
    ],
)
def test_unknown_names_suggest_the_closest(
    model: SemanticModel, call: object, message: str
) -> None:
    with pytest.raises(UserError) as caught:
        call(model)  # type: ignore[operator]
    assert message in str(caught.value)
    assert caught.value.suggestions


def test_convertion_rate_suggests_conversion_rate(model: SemanticModel) -> None:
    with pytest.raises(UserError) as caught:
        model.metric("convertion rate")
    assert caught.value.suggestions[0] == "conversion_rate"


def test_policies(model: SemanticModel) -> None:
    assert model.policy() is model.spec.policies["analyst"]
    east = model.policy("east_marketing")
    assert east.allows_metric("revenue") and not east.allows_metric("tickets")
    assert [(r.dimension, r.op, r.value) for r in east.row_filters] == [("region", "=", "East")]
    service = model.policy("service_team")
    assert service.allows_metric("first_response_time") and not service.allows_metric("revenue")
    assert service.allows_dimension("region") and not service.allows_dimension("campaign")
    assert service.allows_analysis("drivers") and not service.allows_analysis("funnel")
    assert service.allows_analysis("clarify") and east.allows_analysis("retention")


def test_metrics_resolve_to_their_measures(model: SemanticModel) -> None:
    assert [m.name for m in model.measures_of("roi")] == ["revenue", "marketing_cost"]
    assert [m.name for m in model.measures_of("nps")] == [
        "nps_promoters",
        "nps_responses",
        "nps_detractors",
    ]
    assert model.measures_of("checkout_conversion") == ()


def test_the_model_is_immutable(model: SemanticModel) -> None:
    with pytest.raises(TypeError):
        model.metrics["x"] = model.metric("revenue")  # type: ignore[index]
    with pytest.raises(ValueError, match="frozen"):
        model.metric("revenue").name = "sales"


def test_the_demo_model_ships_with_the_package() -> None:
    assert DEMO_MODEL_PATH.is_file()
    package = Path(semantic_layer.__file__).parent
    shipped = tomllib.loads((package.parent / "pyproject.toml").read_text(encoding="utf-8"))
    globs = shipped["tool"]["setuptools"]["package-data"]["semantic_layer"]
    assert any(DEMO_MODEL_PATH.relative_to(package).match(g) for g in globs)
    assert Path(DEMO_MODEL_PATH).read_text(encoding="utf-8").startswith("# The semantic model")
