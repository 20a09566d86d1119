"""The Gradio chat: `build_chat(service)` gives the Blocks, `mount_chat` serves it.

Gradio's analytics are switched off before Gradio is first imported: the chat fetches nothing.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from ui.chat.app import build_chat, mount_chat
from ui.chat.handlers import AskUpdate, ChatHandlers
from ui.chat.state import ChatState, Turn
from ui.chat.theme import chat_theme, mount_options

__all__ = [
    "AskUpdate",
    "ChatHandlers",
    "ChatState",
    "Turn",
    "build_chat",
    "chat_theme",
    "mount_chat",
    "mount_options",
]
