"""The start-up cache: what every process would build the same from the model file, built once.

`tpa ask` is a new process per question. Two things it built every time depend only on the model
file's text and the code that reads it: the validated model (YAML, pydantic, the validation
rules: 35–60 ms here) and the embedded planner's lexicon (90–300 ms). `open_model` keeps both in
`<work dir>/tpa-cache/` (beside `sessions.sqlite3`), one pickle each, named by a hash of

- the model file's path and text (a changed file is a new entry),
- the code version: every source file of `semantic_layer/` and `assistant/nlu/` (path, size and
  modification time, as Python's bytecode cache checks them), the Python version, and the
  installed pydantic, PyYAML and OpenCC (their `__init__` files' path, size and modification
  time: an upgrade or an edit is a new entry).

Reading one back takes 2–3 ms each (measured in docs/benchmarks.md, "Seventh pass"). Entries are
written to a temporary file and renamed into place, so a reader never sees half of one; an entry
that cannot be read (damaged, written by other code, not the user's own, writable by others) is
rebuilt and written again; a folder that cannot be written only costs the time to build. The
newest `KEEP` entries of each kind are kept. `TPA_STARTUP_CACHE=off` turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from assistant.nlu.lexicon import Lexicon
from semantic_layer.model.semantic import SemanticModel

if TYPE_CHECKING:
    from semantic_layer.model.loader import ValidationReport

log = logging.getLogger(__name__)
FOLDER: Final = "tpa-cache"
KEEP: Final = 8  # entries of each kind (models, lexicons): a few models, a few code versions
CODE_DIRS: Final = ("semantic_layer", "assistant/nlu")
CODE_SUFFIXES: Final = frozenset({".py", ".yaml", ".yml", ".json", ".txt"})
LIBRARIES: Final = ("pydantic", "yaml", "opencc")
STALE_TEMP_S: Final = 600.0  # a temporary file this old was left by a killed process
_ROOT = Path(__file__).resolve().parent.parent
_DEMO_MODEL_PATH = _ROOT / "semantic_layer" / "model" / "demo.yaml"  # loader.DEMO_MODEL_PATH


def open_model(path: Path | None, cache: Path | None) -> SemanticModel:
    """The model at `path` (the demo model when None), validated, with its planner's lexicon
    ready (`Lexicon.of(model)` returns it at once); `ModelError` when the model is invalid.

    `cache`: the start-up cache folder, or None to build everything (nothing is written)."""
    file = str(path or _DEMO_MODEL_PATH)
    text = _read_text(file)
    if cache is None:
        return _validate(text, file).model()
    key = _key(file, text)
    stored = _read(cache / f"model-{key}.pickle", key)
    if stored is not None:
        spec, warnings = stored
        model = SemanticModel.create(spec, file, warnings)
    else:
        report = _validate(text, file)
        model = report.model()  # an invalid model raises here: nothing is cached
        _write(cache / f"model-{key}.pickle", key, (report.spec, report.warnings))
    lexicon = _read(cache / f"lexicon-{key}.pickle", key)
    if isinstance(lexicon, Lexicon):
        Lexicon.keep(model, lexicon)
    else:
        _write(cache / f"lexicon-{key}.pickle", key, Lexicon.of(model))
    return model


def _read_text(file: str) -> str:
    try:  # what `read_model_text` does, without importing YAML and the validation rules
        return Path(file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        from semantic_layer.model.loader import read_model_text

        return read_model_text(file)  # its clear error


def _validate(text: str, file: str) -> ValidationReport:
    from semantic_layer.model.loader import validate_text  # YAML and the rules: on a miss only

    return validate_text(text, file)


def _key(file: str, text: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in (file, text, code_version()):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def code_version() -> str:
    """A hash of the code that reads a model and builds its lexicon (see the module's doc): each
    source file's path, size and modification time, as Python's own bytecode cache checks them
    (reading every file's text took 6–25 ms here, their status 1–5 ms)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for name in LIBRARIES:  # found, not imported (YAML is not, on a start that reads the cache)
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None and spec.origin else ""
        st = os.stat(origin) if origin else None
        digest.update(f"{name}\0{origin}\0{st and st.st_size}\0{st and st.st_mtime_ns}\n".encode())
    for folder in CODE_DIRS:
        for entry in sorted(_sources(str(_ROOT / folder)), key=lambda e: e.path):
            st = entry.stat()
            digest.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _sources(folder: str) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir() and entry.name != "__pycache__":
                yield from _sources(entry.path)
            elif os.path.splitext(entry.name)[1] in CODE_SUFFIXES and entry.is_file():
                yield entry


def _read(path: Path, key: str) -> Any:
    """The value stored at `path` for `key`, or None (missing, damaged, or not to be trusted)."""
    try:
        with path.open("rb") as f:
            if not _trusted(os.fstat(f.fileno())):
                log.warning("%s: not the user's own or writable by others; not read", path)
                return None
            found, value = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # any unpickling failure (damaged, classes changed): build again
        log.info("%s: cannot be read (%s); rebuilt", path, exc)
        return None
    return value if found == key else None


def _trusted(st: os.stat_result) -> bool:
    """Unpickling runs code: read only files of this user that nobody else may write."""
    getuid = getattr(os, "getuid", None)
    return (getuid is None or st.st_uid == getuid()) and not st.st_mode & 0o022


def _write(path: Path, key: str, value: object) -> None:
    """Store `value` at `path` atomically (a temporary file renamed into place); a folder that
    cannot be written is logged and skipped."""
    temp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
        _prune(path.parent, path.name.split("-", 1)[0])
    except Exception as exc:  # a full disk, a read-only folder, a value that cannot be pickled:
        log.info("start-up cache %s not written: %s", path, exc)  # the cache is only a shortcut
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest `KEEP` entries of `kind`; remove temporary files of killed writers."""
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=_mtime, reverse=True)
    stale = [t for t in folder.glob("*.tmp") if time.time() - _mtime(t) > STALE_TEMP_S]
    for old in entries[KEEP:] + stale:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


__all__ = ["FOLDER", "KEEP", "code_version", "open_model"]
