"""What a skill set holds and how its typed fields are checked: name, rate, brief fields."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from offload.domain.errors import InvalidInput
from offload.domain.text import is_control, refuse_control

MAX_SET_NAME = 80
MAX_FIELD = 2000


@dataclass(frozen=True)
class BriefField:
    key: str
    label: str
    question: str


# The scope of work a freelancer needs (seeds/003): in the order the brief shows them.
BRIEF_FIELDS: tuple[BriefField, ...] = (
    BriefField("inputs", "Inputs (what you provide)",
               "What will you provide: files, documents, logins, access to which tools?"),
    BriefField("outputs", "Outputs (what comes back)",
               "What exactly should come back to you, in what form and where?"),
    BriefField("quality", "Quality", "What standard must the work meet, and how will you check it?"),
    BriefField("quantity", "Quantity", "How much is there to do: how many items a week or a month?"),
    BriefField("speed", "Speed", "How quickly must each piece be done; what are the deadlines?"),
    BriefField("success", "How success is measured",
               "What measurable goal will you both track (an error rate, a response time, a score)?"),
    BriefField("data_rules", "Rules for the data shared",
               "What data will they see, and what rules apply to it (confidentiality, storage, deletion)?"),
    BriefField("contact", "Point of contact",
               "Who answers their questions and checks the work, and how often will you talk?"),
)
FIELD_KEYS = tuple(f.key for f in BRIEF_FIELDS)
EDITABLE = ("description", "rate", *FIELD_KEYS)


def clean_set_name(text: str | None) -> str:
    """Trim and check a skill set's name; raise InvalidInput with the reason."""
    name = " ".join(str(text or "").split())
    if not name:
        raise InvalidInput("A skill set needs a name, e.g. 'Bookkeeping and accounts'.")
    if any(is_control(ch) or unicodedata.category(ch) == "Co" for ch in name):
        raise InvalidInput("A skill set name cannot contain control characters.")
    if len(name) > MAX_SET_NAME:
        raise InvalidInput(f"A skill set name can be at most {MAX_SET_NAME} characters (this one has {len(name)}).")
    return name


def clean_field(label: str, text: str | None) -> str:
    """A description or brief field: may be empty; newlines kept, other control characters refused."""
    value = refuse_control(str(text or "").replace("\r\n", "\n").strip(), label, keep="\n\t")
    if len(value) > MAX_FIELD:
        raise InvalidInput(f"{label} can be at most {MAX_FIELD} characters (this has {len(value)}).")
    return value


def parse_rate(text: str | float | None) -> float | None:
    """An hourly rate as typed ("35", "42.50", "€ 40/h"); empty means not known yet."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        value = float(text)
    else:
        s = str(text).strip()
        if s == "":
            return None
        # A currency before or "/h" after the number is fine: "€40", "EUR 40", "40/h".
        m = re.fullmatch(r"(?:[^\d\s.,+-]{1,3}\s*)?(-?[\d,]*\.?\d+)\s*(?:[^\d\s]{1,3})?\s*(?:/\s*h(?:ou)?r?|per hour|an hour)?", s, re.I)
        if m is None:
            raise InvalidInput(f"'{text}' is not an hourly rate; type a number, e.g. 35 or 42.50.")
        value = float(m.group(1).replace(",", ""))
    if not math.isfinite(value) or value < 0 or value > 1_000_000:
        raise InvalidInput("An hourly rate must be between 0 and 1,000,000.")
    return value
