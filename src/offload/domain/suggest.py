"""Suggesting a skill set for a task, with the reason: "invoice → Bookkeeping and accounts".

Words count for a set when they are the catalogue's keywords for it, or (learned, the user's
own choices) words of the name they gave it and of tasks they already put in it. Plurals and case do not matter. A
phrase ("social media") weighs as many words as it has. The best set wins; on equal weight
the one with more learned weight wins (the user's own choices beat the catalogue); a tie
left after that, or no word in common, gives no suggestion rather than a guess.
Pure and deterministic: the same tasks and sets always give the same answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from offload.domain.catalogue import CATALOGUE, CatalogueSet, catalogue_set

# Words that say nothing about the kind of work: never learned, never matched by name.
GENERIC = frozenset(
    """
    a an and or the of for to in on at by with from into per via my our your their his her its this that
    these those is are be do does did done doing make making made get getting got go going
    new old misc other others stuff thing things task tasks work working job jobs general various
    daily weekly monthly yearly annual quarterly week month day today morning afternoon evening
    time hour hours minute quick small big more less all some any each every
    send sending sent check checking review reviewing update updating prepare preparing sort sorting
    follow up set setup setting fix fixing help helping handle handling manage managing management
    plan planning organise organize organising organizing deal dealing
    client clients team me we us you it etc
    """.split()
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def singular(word: str) -> str:
    """A crude English singular, applied alike to task words and keywords so they meet."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case singular words of a text, in order."""
    return [singular(w) for w in _WORD.findall(str(text).casefold())]


def meaningful(text: str) -> list[str]:
    """Words worth matching alone: not generic, not numbers, at least 3 letters."""
    out: list[str] = []
    for w in words(text):
        if len(w) >= 3 and not w.isdigit() and w not in GENERIC and w not in out:
            out.append(w)
    return out


@dataclass(frozen=True)
class Suggestion:
    set_name: str
    word: str
    learned_from: str | None = None  # the task already in the set that shared the word

    @property
    def reason(self) -> str:
        if self.learned_from:
            return f"{self.word} → {self.set_name} (like {self.learned_from})"
        return f"{self.word} → {self.set_name}"


def _contains(task_words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(task_words[i : i + n] == phrase for i in range(len(task_words) - n + 1))


@dataclass
class _Score:
    name: str
    order: int
    total: float = 0.0
    learned: float = 0.0
    word: str = ""
    word_weight: float = 0.0
    learned_from: str | None = None

    def add(self, weight: float, word: str, learned_from: str | None = None, learned: bool = False) -> None:
        self.total += weight
        if learned or learned_from is not None:
            self.learned += weight
        # The reason names the heaviest match; learned beats catalogue at equal weight.
        better = weight > self.word_weight or (
            weight == self.word_weight and learned_from is not None and self.learned_from is None
        )
        if better:
            self.word, self.word_weight, self.learned_from = word, weight, learned_from


class Suggester:
    """Built once per view from the sets in use and their tasks, then asked per task."""

    def __init__(
        self,
        sets_in_use: Iterable[str] = (),
        tasks_in_sets: Mapping[str, Iterable[str]] | None = None,
        catalogue: Iterable[CatalogueSet] = CATALOGUE,
    ) -> None:
        # Sets by case-folded name; a set in use with a catalogue name keeps its keywords.
        self.names: dict[str, str] = {}
        # Per set: (phrase words, phrase as written, chosen by the user rather than the catalogue).
        self.keywords: dict[str, list[tuple[list[str], str, bool]]] = {}
        self.order: dict[str, int] = {}
        for c in catalogue:
            self._add_set(c.name)
            for kw in c.keywords:
                self.keywords[c.name.casefold()].append((words(kw), kw, False))
        for name in sorted(sets_in_use, key=str.casefold):
            self._add_set(name)
            if catalogue_set(name) is None:
                for w in meaningful(name):
                    self.keywords[name.casefold()].append(([w], w, True))
        # Learned: each meaningful word of a task in a set, and the first task it came from.
        self.learned: dict[str, dict[str, str]] = {}
        for set_name, task_names in sorted((tasks_in_sets or {}).items(), key=lambda kv: kv[0].casefold()):
            key = set_name.casefold()
            self._add_set(set_name)
            bucket = self.learned.setdefault(key, {})
            for task in sorted(task_names, key=str.casefold):
                for w in meaningful(task):
                    bucket.setdefault(w, task)

    def _add_set(self, name: str) -> None:
        key = name.casefold()
        if key not in self.names:
            self.names[key] = name
            self.keywords[key] = []
            self.order[key] = len(self.order)
        elif catalogue_set(name) is not None and self.names[key] != name:
            self.names[key] = name  # the spelling the user has in the database

    def suggest(self, task_name: str) -> Suggestion | None:
        task_words = words(task_name)
        plain = set(meaningful(task_name))
        scores: list[_Score] = []
        for key in sorted(self.names, key=lambda k: self.order[k]):
            score = _Score(self.names[key], self.order[key])
            for phrase, text, own in self.keywords[key]:
                if phrase and _contains(task_words, phrase):
                    score.add(float(len(phrase)), text, learned=own)
            for w, source in sorted(self.learned.get(key, {}).items()):
                if w in plain and source.casefold() != task_name.casefold():
                    score.add(1.0, w, source)
            if score.total > 0:
                scores.append(score)
        if not scores:
            return None
        scores.sort(key=lambda s: (-s.total, -s.learned, s.order))
        best = scores[0]
        if len(scores) > 1 and (scores[1].total, scores[1].learned) == (best.total, best.learned):
            return None  # two sets fit equally well: let the user choose
        return Suggestion(best.name, best.word, best.learned_from)


def suggest(
    task_name: str,
    sets_in_use: Iterable[str] = (),
    tasks_in_sets: Mapping[str, Iterable[str]] | None = None,
) -> Suggestion | None:
    """One suggestion for one task (see Suggester to ask for many)."""
    return Suggester(sets_in_use, tasks_in_sets).suggest(task_name)
