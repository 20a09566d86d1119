"""AES-256-CBC decryption for Feishu/Lark and WeCom callbacks, with the `cryptography` package.

- Feishu/Lark: key = SHA-256(encrypt key); `encrypt` = base64(IV(16) + ciphertext); PKCS#7.
- WeCom: key = base64(EncodingAESKey + "="), IV = the key's first 16 bytes; PKCS#7 to 32-byte
  blocks; the plaintext is random(16) + msg_len (4, big-endian) + msg + receiveid (the corp id).

`cryptography` is imported on first use: without it these raise `CryptoUnavailable`, which the
adapters answer with 503 and a message that says what to install.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib
from typing import Any

from semantic_layer.errors import UserError


class CryptoUnavailable(UserError):
    """The `cryptography` package is not installed, so encrypted callbacks cannot be read."""


class DecryptError(Exception):
    """The ciphertext is malformed or was not made with our key: answered 401."""


def _ciphers() -> Any:
    try:
        return importlib.import_module("cryptography.hazmat.primitives.ciphers")
    except ImportError:
        raise CryptoUnavailable(
            "encrypted bot callbacks need the 'cryptography' package, which is not installed",
            hint="pip install cryptography (WeCom, and Feishu with an encrypt key, need it)",
        ) from None


def _cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes:
    if not data or len(data) % 16:
        raise DecryptError("the ciphertext is not a whole number of AES blocks")
    ciphers = _ciphers()
    algorithms = importlib.import_module("cryptography.hazmat.primitives.ciphers.algorithms")
    modes = importlib.import_module("cryptography.hazmat.primitives.ciphers.modes")
    decryptor = ciphers.Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return bytes(decryptor.update(data) + decryptor.finalize())


def _unpad(data: bytes, block: int) -> bytes:
    pad = data[-1] if data else 0
    if not 1 <= pad <= block or data[-pad:] != bytes([pad]) * pad:
        raise DecryptError("the padding is wrong: the key does not match")
    return data[:-pad]


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise DecryptError("the ciphertext is not base64") from None


def feishu_decrypt(encrypt_key: str, encrypt: str) -> bytes:
    """The plaintext of a Feishu/Lark `{"encrypt": …}` body."""
    raw = _b64(encrypt)
    if len(raw) < 32:
        raise DecryptError("the ciphertext is too short")
    key = hashlib.sha256(encrypt_key.encode()).digest()
    return _unpad(_cbc_decrypt(key, raw[:16], raw[16:]), 16)


def wecom_decrypt(encoding_aes_key: str, encrypt: str, receive_id: str) -> bytes:
    """The message inside a WeCom `Encrypt` (or `echostr`), checked to be for `receive_id`."""
    key = base64.b64decode(encoding_aes_key + "=")
    plain = _unpad(_cbc_decrypt(key, key[:16], _b64(encrypt)), 32)
    if len(plain) < 20:
        raise DecryptError("the decrypted message is too short")
    length = int.from_bytes(plain[16:20], "big")
    message, receiver = plain[20 : 20 + length], plain[20 + length :]
    if len(message) != length or receiver.decode(errors="replace") != receive_id:
        raise DecryptError("the message is not for this corp id")
    return message


__all__ = ["CryptoUnavailable", "DecryptError", "feishu_decrypt", "wecom_decrypt"]
