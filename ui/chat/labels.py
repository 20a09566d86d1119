"""The chat's interface words in English and Chinese (answers themselves come in the question's
language from the assistant; these are the labels around them)."""

from __future__ import annotations

from typing import Final, Literal

from semantic_layer.time import Language

UiLanguage = Literal["en", "zh"]
LANGUAGES: Final[tuple[tuple[str, UiLanguage], ...]] = (("English", "en"), ("中文", "zh"))

WORDS: Final[dict[str, dict[UiLanguage, str]]] = {
    "title": {"en": "Touchpoint Assistant", "zh": "触点分析助手"},
    "subtitle": {
        "en": "Ask how customers move through your touchpoints, in English or Chinese.",
        "zh": "用中文或英文提问：客户如何在各个触点之间流转。",
    },
    "welcome": {
        "en": "Ask a question below, or pick an example from the side panel.",
        "zh": "在下方输入问题，或从侧栏选择一个示例问题。",
    },
    "language": {"en": "Interface language", "zh": "界面语言"},
    "question": {"en": "Your question", "zh": "你的问题"},
    "placeholder": {
        "en": "e.g. which touchpoint lost the most users last week",
        "zh": "例如：上周哪个触点流失用户最多",
    },
    "send": {"en": "Ask", "zh": "提问"},
    "new": {"en": "New conversation", "zh": "新对话"},
    "you": {"en": "You", "zh": "你"},
    "table": {"en": "Table", "zh": "数据表"},
    "sql": {"en": "SQL", "zh": "SQL"},
    "interpretation": {"en": "Computed", "zh": "计算内容"},
    "suggestions": {"en": "Follow-up questions", "zh": "继续追问"},
    "choices": {"en": "Did you mean", "zh": "你是想问"},
    "rows_capped": {
        "en": "Showing the first {n:,} rows; the result was cut at the row limit.",
        "zh": "仅显示前 {n:,} 行；结果已达到行数上限。",
    },
    "unverified": {
        "en": "Unverified: this SQL was written by the language model, not the semantic layer.",
        "zh": "未经验证：该 SQL 由语言模型生成，而非语义层。",
    },
    "up": {"en": "Helpful", "zh": "有帮助"},
    "down": {"en": "Not helpful", "zh": "没帮助"},
    "thanks_saved": {
        "en": "Thanks — proposed as an example; a reviewer checks it before it is reused.",
        "zh": "谢谢！已提交为示例，经审核通过后才会被复用。",
    },
    "thanks_approved": {
        "en": "Thanks — approved as an example for your role (you review examples).",
        "zh": "谢谢！已作为你所在角色的示例通过审核（你有审核权限）。",
    },
    "signed_out": {
        "en": "You are signed out: reload the page and sign in again.",
        "zh": "你已退出登录：请刷新页面并重新登录。",
    },
    "thanks": {"en": "Thanks for the feedback.", "zh": "谢谢你的反馈。"},
    "feedback_failed": {
        "en": "The feedback could not be saved: {reason}",
        "zh": "反馈未能保存：{reason}",
    },
    "failed": {
        "en": "Something went wrong while answering; please try again or rephrase the question.",
        "zh": "回答时出了问题，请重试或换一种问法。",
    },
    "catalog": {"en": "What you can ask about", "zh": "可以问什么"},
    "metrics": {"en": "Metrics", "zh": "指标"},
    "dimensions": {"en": "Dimensions", "zh": "维度"},
    "touchpoints": {"en": "Touchpoints", "zh": "触点"},
    "journeys": {"en": "Journeys", "zh": "旅程"},
    "examples": {"en": "Example questions", "zh": "示例问题"},
    "default_journey": {"en": "default", "zh": "默认"},
    "open_chat": {"en": "Open the chat", "zh": "打开对话"},
    "chart": {"en": "Chart", "zh": "图表"},
    "download_csv": {"en": "CSV", "zh": "下载 CSV"},
    "download_xlsx": {"en": "Excel", "zh": "下载 Excel"},
    "link": {"en": "Link to this answer", "zh": "本回答的链接"},
    "users": {"en": "User ids behind", "zh": "导出用户编号"},
    "this_number": {"en": "this number", "zh": "这个数字"},
    "review_title": {"en": "Examples to review ({n})", "zh": "待审核示例（{n}）"},
    "review_help": {
        "en": "Thumbs-up answers others proposed. Approved ones are reused for similar questions "
        "of their role; rejected ones never are.",
        "zh": "他人点赞后提交的回答。通过后，会在该角色的相似问题中复用；驳回的不会被使用。",
    },
    "review_none": {"en": "Nothing waits for review.", "zh": "暂无待审核的示例。"},
    "review_more": {
        "en": "{n} more — `tpa examples list` shows them all.",
        "zh": "还有 {n} 条——`tpa examples list` 可列出全部。",
    },
    "review_plan": {"en": "Plan: ", "zh": "计算方式："},
    "review_saved": {
        "en": "Saved by {who} (role {role}), {when}",
        "zh": "提交人：{who}（角色 {role}），{when}",
    },
    "saved_by_chat": {"en": "the chat (no sign-in)", "zh": "对话（未登录）"},
    "saved_by_key": {"en": "API key {fingerprint}…", "zh": "API 密钥 {fingerprint}…"},
    "approve": {"en": "Approve", "zh": "通过"},
    "reject": {"en": "Reject", "zh": "驳回"},
    "review_refresh": {"en": "Refresh the list", "zh": "刷新列表"},
    "review_approved": {
        "en": "Approved: “{question}” is now reused for the {role} role.",
        "zh": "已通过：“{question}”将在 {role} 角色中复用。",
    },
    "review_rejected": {
        "en": "Rejected: “{question}” will not be reused.",
        "zh": "已驳回：“{question}”不会被复用。",
    },
    "review_already": {
        "en": "Someone already decided on this example ({status}).",
        "zh": "该示例已有人审核（{status}）。",
    },
    "review_failed": {"en": "The review was not saved: {reason}", "zh": "审核未保存：{reason}"},
    "review_denied": {
        "en": "Your role may not review examples.",
        "zh": "你的角色没有审核示例的权限。",
    },
    "status_pending": {"en": "pending", "zh": "待审核"},
    "status_approved": {"en": "approved", "zh": "已通过"},
    "status_rejected": {"en": "rejected", "zh": "已驳回"},
    "plan_unreadable": {
        "en": "{kind} ({fields}) — no longer fits the model",
        "zh": "{kind}（{fields}）——已与当前模型不符",
    },
}

STAGES: Final[dict[str, dict[UiLanguage, str]]] = {
    "understanding": {"en": "Understanding…", "zh": "理解问题…"},
    "querying": {"en": "Querying…", "zh": "查询数据…"},
    "answering": {"en": "Answering…", "zh": "生成回答…"},
}
STAGE_ORDER: Final = ("understanding", "querying", "answering")

GROUPS: Final[dict[str, dict[UiLanguage, str]]] = {
    "marketing": {"en": "Marketing", "zh": "市场营销"},
    "operations": {"en": "Operations", "zh": "运营"},
    "sales": {"en": "Sales", "zh": "销售"},
    "product": {"en": "Product", "zh": "产品"},
    "service": {"en": "Customer service", "zh": "客户服务"},
}


def ui_language(value: str | None) -> UiLanguage:
    """`"zh"` for any Chinese setting ("zh", "zh-CN", "中文"), else `"en"`."""
    text = (value or "").strip().casefold()
    return "zh" if text.startswith("zh") or text == "中文" else "en"


def word(key: str, lang: str, **values: object) -> str:
    """The interface word `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = WORDS[key][ui_language(lang)]
    return text.format(**values) if values else text


def stage_word(stage: str, lang: Language | str) -> str:
    """ "Understanding…" / "理解问题…" for a service stage (the stage's own name if unknown)."""
    words = STAGES.get(stage)
    return stage if words is None else words[ui_language(lang)]


def group_name(group: str, lang: str) -> str:
    """The name of an example-question group ("Customer service" / "客户服务")."""
    words = GROUPS.get(group)
    return group.replace("_", " ").capitalize() if words is None else words[ui_language(lang)]


__all__ = [
    "GROUPS",
    "LANGUAGES",
    "STAGES",
    "STAGE_ORDER",
    "WORDS",
    "UiLanguage",
    "group_name",
    "stage_word",
    "ui_language",
    "word",
]
