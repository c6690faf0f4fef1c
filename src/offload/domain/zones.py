"""Time zone names: what Offload stores is always an IANA key that loads.

People and systems write a zone in many forms: `Europe/Paris`, `:Europe/Paris`,
`/usr/share/zoneinfo/Europe/Paris`, `:/etc/localtime`, old names such as `Japan` or
`EST5EDT`, or a POSIX rule such as `CET-1CEST,M3.5.0,M10.5.0/3`. Each is resolved once,
at start-up, to a key; what names no zone is refused with a message. A POSIX rule says
only how clocks change today, not their history, so it becomes a key only when it is
exactly that key's own rule (`CET-1CEST,M3.5.0,M10.5.0/3` is the zone `CET`'s rule).

Only the standard library: every command, `offload status` included, resolves the zone.
"""

from __future__ import annotations

import os
import zoneinfo
from datetime import timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from offload.domain.errors import InvalidInput

EXAMPLE = "Europe/Paris"
READ_AS = "UTC"  # where a stored zone cannot be loaded, its entries are read in UTC
_PREFIXES = ("posix/", "right/")  # copies of the same zones in the system's zoneinfo folder


@lru_cache(maxsize=512)
def loads(key: str) -> bool:
    """True when `key` is a zone the standard library (and so pendulum) can load."""
    if not isinstance(key, str) or not key or key != key.strip() or key.startswith("/"):
        return False
    try:
        ZoneInfo(key)
    except Exception:  # not found, not a key, a folder, a damaged file: all mean "cannot be read"
        return False
    return True


def reading_zone(key: str) -> str:
    """The zone to read a stored entry in: its own, or UTC where its own cannot be loaded."""
    return key if loads(key) else READ_AS


def skipped(wall) -> bool:
    """True when the local time of `wall` (an aware datetime in a ZoneInfo) never happened:
    the clocks went forward over it (01:30 on the spring Sunday in London). Python and
    pendulum would quietly read it an hour off."""
    back = wall.astimezone(timezone.utc).astimezone(wall.tzinfo)
    return back.replace(tzinfo=None) != wall.replace(tzinfo=None)


def check_zone(key: str) -> str:
    """`key` if it loads; otherwise a message with an example."""
    if not loads(key):
        raise InvalidInput(f"{key!r} is not a time zone; use a name like {EXAMPLE}.")
    return key


def resolve(value: str) -> str | None:
    """The IANA key a TZ-style value names, or None when it names none (soundly)."""
    text = str(value).strip()
    if text.startswith(":"):
        text = text[1:].strip()
    if not text:
        return None
    if text.startswith("/"):
        return _from_path(text)
    key = _unprefixed(text)
    if key in _MACHINE_FILES:
        return _machine_file(key)
    if loads(key):
        return key
    return _from_posix_rule(text)


# Files in the zoneinfo folder that are not zones but links to whichever zone the machine has
# chosen: stored as such, an entry's zone would change with the machine (or not load elsewhere).
_MACHINE_FILES = ("localtime", "posixrules")


def _machine_file(name: str) -> str | None:
    for folder in zoneinfo.TZPATH:
        path = os.path.join(folder, name)
        if os.path.lexists(path):
            return _from_path(path)
    return system_zone() if name == "localtime" else None


def from_environment(environ=os.environ) -> str:
    """The user's zone: OFFLOAD_TZ, else TZ, else the system's; a bad value is refused."""
    for var in ("OFFLOAD_TZ", "TZ"):
        value = environ.get(var)
        if value is None or not value.strip():
            continue
        key = resolve(value)
        if key is None:
            hint = "" if var == "OFFLOAD_TZ" else " (or set OFFLOAD_TZ for Offload alone)"
            raise InvalidInput(f"{var}={value!r} is not a time zone Offload can read; "
                               f"set {var} to a zone name, e.g. {var}={EXAMPLE}{hint}.")
        return key
    return system_zone()


def system_zone() -> str:
    """The machine's zone from /etc/localtime or /etc/timezone; UTC when neither tells."""
    key = _from_path("/etc/localtime") if os.path.lexists("/etc/localtime") else None
    if key is not None:
        return key
    named = _etc_timezone()
    return named if named is not None else READ_AS


def _unprefixed(key: str) -> str:
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _etc_timezone() -> str | None:
    try:
        with open("/etc/timezone", encoding="utf-8") as f:
            name = f.read().strip()
    except (OSError, UnicodeError):
        return None
    return name if loads(name) else None


def _from_path(path: str) -> str | None:
    """A zone file's key: from its place under a `zoneinfo` folder (after symlinks), or,
    for a copy elsewhere (`/etc/localtime` copied in), the key whose file has the same bytes."""
    real = os.path.realpath(path)
    for candidate in (real, os.path.abspath(path)):
        marker = "/zoneinfo/"
        if marker in candidate:
            key = _unprefixed(candidate.rsplit(marker, 1)[1])
            if loads(key):
                return key
    try:
        with open(real, "rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return None
    if not data.startswith(b"TZif"):
        return None
    named = _etc_timezone()
    if named is not None and _zone_bytes(named) == data:
        return named
    # Links share their target's bytes; any key with these bytes keeps the same rules and history.
    for key in sorted(available_timezones()):
        if _zone_bytes(key) == data:
            return key
    return None


def _zone_bytes(key: str) -> bytes | None:
    """The TZif file of `key` as the standard library would find it (TZPATH, then tzdata)."""
    for folder in zoneinfo.TZPATH:
        path = os.path.join(folder, key)
        if os.path.isfile(path):
            try:
                with open(path, "rb") as f:
                    return f.read(1 << 20)
            except OSError:
                return None
    try:
        from importlib import resources  # only where the system has no zone files: costs ms to import

        package, _, name = ("tzdata.zoneinfo/" + key).rpartition("/")
        return resources.files(package.replace("/", ".")).joinpath(name).read_bytes()
    except Exception:
        return None


def _from_posix_rule(rule: str) -> str | None:
    """`CET-1CEST,M3.5.0,M10.5.0/3` -> `CET`, `EST5EDT,M3.2.0,M11.1.0` -> `EST5EDT`: only
    when the rule is exactly the rule of the key it starts with."""
    name = ""
    for ch in rule:
        if not ch.isalpha():
            break
        name += ch
    for key in dict.fromkeys((rule.split(",", 1)[0], name)):
        if len(key) < 3 or not loads(key):
            continue
        data = _zone_bytes(key)
        if data is not None and data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii", "replace") == rule:
            return key
    return None
