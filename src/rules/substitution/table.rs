//! Swap tables from a data file (`swap-file`): fixed phrases and, for each of their
//! words, the synonyms an article spinner puts in its place (`data/spun-en.tsv`).
//!
//! The file lists phrases, not spun variants, so a phrase with several replaced words
//! (`metropolis corridor`, `World Well being Organization`) costs no more rows than
//! one with a single replaced word. A run of words matches a phrase when each word
//! is the phrase's word or one of its synonyms, at least one is a synonym, and the run
//! is not one of the phrase's listed exceptions (variants that are real phrases).

use crate::hash::{FastMap, FastSet};
use std::ops::Range;
use std::sync::Arc;

use crate::rules::wordlists;

/// The synonyms of one word, each one or more word ids; shared by every phrase with
/// that word and list.
type Synonyms = Arc<SynList>;

/// A synonym list, indexed by first word id: the walk tries only the synonyms that can
/// start at the token in front of it, in list order.
#[derive(Debug, Default)]
struct SynList {
    syns: Box<[Box<[u32]>]>,
    /// Indices into `syns`, ascending, by the synonym's first word id.
    by_first: FastMap<u32, Box<[u32]>>,
}

impl SynList {
    fn new(syns: Vec<Box<[u32]>>) -> SynList {
        let mut by_first: FastMap<u32, Vec<u32>> = FastMap::default();
        for (i, syn) in syns.iter().enumerate() {
            by_first.entry(syn[0]).or_default().push(i as u32);
        }
        SynList {
            syns: syns.into(),
            by_first: by_first.into_iter().map(|(k, v)| (k, v.into())).collect(),
        }
    }

    /// Indices of the synonyms whose first word is `id`, ascending.
    fn starting_with(&self, id: u32) -> &[u32] {
        self.by_first.get(&id).map_or(&[], |v| v)
    }
}

impl std::ops::Deref for SynList {
    type Target = [Box<[u32]>];

    fn deref(&self) -> &Self::Target {
        &self.syns
    }
}

/// One phrase of the table.
#[derive(Debug)]
struct Entry {
    /// The phrase as the file writes it (`Attorney General`, `city hall`).
    original: String,
    /// The `kind` column (`title`, `name`, `phrase`).
    kind: Box<str>,
    /// Per word of the phrase: its id, and the synonyms (each one or more word ids);
    /// phrases sharing a word share its list.
    words: Vec<(u32, Synonyms)>,
    /// Word-id sequences that match but are real phrases: never reported.
    except: FastSet<Vec<u32>>,
    /// Per word: whether the phrase capitalises it (`Attorney`, not `of`).
    capital: Vec<bool>,
    /// Per word: whether it is a content word (not a connector such as `of`).
    content: Vec<bool>,
}

/// Words that join the words of a phrase (`Chief of State`); a spinner keeps them.
const CONNECTORS: [&str; 13] = [
    "of", "the", "and", "for", "in", "to", "at", "on", "a", "an", "de", "du", "la",
];

/// The parsed table: interned lowercase words, phrases, and an index of first words.
#[derive(Debug, Default)]
pub(crate) struct SwapTable {
    ids: FastMap<Box<str>, u32>,
    /// Parsed synonym lists by their text, while parsing (many phrases share a word).
    lists: FastMap<Box<str>, Synonyms>,
    entries: Vec<Entry>,
    /// A word id -> entries whose first word is it or has a synonym starting with it.
    starts: FastMap<u32, Vec<u32>>,
    /// Ids of the words of the phrases themselves.
    phrase_words: FastSet<u32>,
}

/// A word of the text as the matcher sees it.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Id of the lowercase word, if the table has the word.
    pub(crate) id: Option<u32>,
    /// Ids of what the word would be without a plural ending (`charges` -> `charge`).
    pub(crate) singular: Vec<u32>,
    /// Only a space or a hyphen separates it from the next token.
    pub(crate) joined: bool,
}

/// A phrase found in a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Token indices covered.
    pub(crate) tokens: Range<usize>,
    /// The first token of each word of the phrase.
    pub(crate) word_starts: Vec<usize>,
    /// How many words were replaced, how many content words (not `of`, `the`) were
    /// kept, and how many words the phrase has.
    pub(crate) swaps: usize,
    pub(crate) kept: usize,
    pub(crate) words: usize,
    /// The last word is a plural of the phrase's (`curiosity charges`).
    pub(crate) plural: bool,
    entry: u32,
    /// The word id the match has in the phrase's first place.
    path_first: u32,
}

impl SwapTable {
    /// Parses `original<TAB>kind<TAB>word=syn,syn|word=syn[<TAB>except|except]`.
    pub(crate) fn parse(text: &str) -> Result<SwapTable, String> {
        let mut table = SwapTable::default();
        for (n, line) in wordlists::data_lines(text) {
            let cols: Vec<&str> = line.split('\t').collect();
            if !(3..=4).contains(&cols.len()) {
                return Err(format!(
                    "line {n}: expected `original<TAB>kind<TAB>synonyms[<TAB>except]`, found {} column(s)",
                    cols.len()
                ));
            }
            let entry = table
                .entry(
                    cols[0],
                    cols[1],
                    cols[2],
                    cols.get(3).copied().unwrap_or(""),
                )
                .map_err(|e| format!("line {n}: {e}"))?;
            let e = u32::try_from(table.entries.len()).map_err(|_| "too many entries")?;
            let mut firsts = vec![entry.words[0].0];
            firsts.extend(entry.words[0].1.iter().map(|s| s[0]));
            firsts.sort_unstable();
            firsts.dedup();
            for f in firsts {
                table.starts.entry(f).or_default().push(e);
            }
            table.phrase_words.extend(entry.words.iter().map(|w| w.0));
            table.entries.push(entry);
        }
        table.lists = FastMap::default();
        Ok(table)
    }

    fn entry(
        &mut self,
        original: &str,
        kind: &str,
        synonyms: &str,
        except: &str,
    ) -> Result<Entry, String> {
        let words = split_words(original);
        if words.is_empty() {
            return Err("empty phrase".into());
        }
        if kind.trim().is_empty() {
            return Err(format!("no kind for `{original}`"));
        }
        let content = words.iter().map(|w| !CONNECTORS.contains(&&**w)).collect();
        let none: Synonyms = Arc::default();
        let mut entry = Entry {
            original: original.trim().to_owned(),
            kind: kind.trim().into(),
            words: words
                .iter()
                .map(|w| (self.intern(w), none.clone()))
                .collect(),
            except: FastSet::default(),
            content,
            capital: original
                .split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}')
                .filter(|w| !w.is_empty())
                .map(crate::text::starts_upper)
                .collect(),
        };
        for group in synonyms.split('|').filter(|g| !g.trim().is_empty()) {
            let Some((word, list)) = group.split_once('=') else {
                return Err(format!("synonyms `{group}` lack `word=`"));
            };
            let word = word.trim().to_lowercase();
            let places: Vec<usize> = (0..words.len()).filter(|&i| words[i] == word).collect();
            if places.is_empty() {
                return Err(format!(
                    "synonyms for `{word}`, which is not a word of `{original}`"
                ));
            }
            let parsed = self.list(list).map_err(|e| format!("{e} for `{word}`"))?;
            for &p in &places {
                entry.words[p].1 = parsed.clone();
            }
        }
        for v in except.split('|').filter(|v| !v.trim().is_empty()) {
            let ids = split_words(v).iter().map(|w| self.intern(w)).collect();
            entry.except.insert(ids);
        }
        Ok(entry)
    }

    /// The synonyms of a `syn,syn` list, parsed once per distinct list.
    fn list(&mut self, list: &str) -> Result<Synonyms, String> {
        if let Some(parsed) = self.lists.get(list) {
            return Ok(parsed.clone());
        }
        let mut parsed = Vec::new();
        for syn in list.split(',') {
            let ids: Box<[u32]> = split_words(syn).iter().map(|w| self.intern(w)).collect();
            if ids.is_empty() {
                return Err("an empty synonym".into());
            }
            parsed.push(ids);
        }
        let parsed: Synonyms = Arc::new(SynList::new(parsed));
        self.lists.insert(list.into(), parsed.clone());
        Ok(parsed)
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(word.into(), next);
        next
    }

    /// The id of a lowercase word.
    pub(crate) fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// A token for the word `text` (any case), joined to the next one or not.
    pub(crate) fn token(&self, text: &str, joined: bool) -> Token {
        let lower = crate::text::lowercase(text);
        let mut singular = Vec::new();
        let mut buf = String::new();
        for (suffix, with) in [("ies", "y"), ("es", ""), ("s", "")] {
            if let Some(stem) = lower.strip_suffix(suffix) {
                if stem.len() >= 3 {
                    buf.clear();
                    buf.push_str(stem);
                    buf.push_str(with);
                    singular.extend(self.id(&buf));
                }
            }
        }
        Token {
            id: self.id(&lower),
            singular,
            joined,
        }
    }

    pub(crate) fn kind(&self, found: &Found) -> &str {
        &self.entries[found.entry as usize].kind
    }

    /// Per word of the found phrase: whether the phrase capitalises it.
    pub(crate) fn capital(&self, found: &Found) -> &[bool] {
        &self.entries[found.entry as usize].capital
    }

    /// How many words of the found phrase have synonyms (could be replaced).
    pub(crate) fn replaceable(&self, found: &Found) -> usize {
        let e = &self.entries[found.entry as usize];
        e.words.iter().filter(|(_, syns)| !syns.is_empty()).count()
    }

    /// Whether the found phrase's first word is the phrase's own (not replaced).
    pub(crate) fn kept_first(&self, found: &Found) -> bool {
        found.path_first == self.entries[found.entry as usize].words[0].0
    }

    /// Whether a lowercase word is a word of some phrase (`staff`, `general`).
    pub(crate) fn is_phrase_word(&self, word: &str) -> bool {
        self.id(word)
            .is_some_and(|id| self.phrase_words.contains(&id))
    }

    /// Whether some phrase has this kind.
    pub(crate) fn has_kind(&self, kind: &str) -> bool {
        self.entries.iter().any(|e| &*e.kind == kind)
    }

    pub(crate) fn original(&self, found: &Found) -> &str {
        &self.entries[found.entry as usize].original
    }

    /// Phrases starting at token `at` with 1..=`max_swaps` words replaced, not exceptions.
    pub(crate) fn find_at(&self, tokens: &[Token], at: usize, max_swaps: usize) -> Vec<Found> {
        let Some(id) = tokens[at].id else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let entries = self.starts.get(&id).map(Vec::as_slice).unwrap_or_default();
        let Some(&first) = entries.first() else {
            return out;
        };
        // One walk for every entry: its buffers are reused, not reallocated.
        let mut walk = Walk {
            entry: &self.entries[first as usize],
            tokens,
            max_swaps,
            starts: Vec::new(),
            path: Vec::new(),
            found: Vec::new(),
        };
        for &e in entries {
            let entry = &self.entries[e as usize];
            walk.entry = entry;
            walk.step(0, at, 0, 0);
            for (end, swaps, starts, plural, path, kept) in walk.found.drain(..) {
                if swaps > 0 && !entry.except.contains(&path) {
                    out.push(Found {
                        tokens: at..end,
                        word_starts: starts,
                        swaps,
                        kept,
                        words: entry.words.len(),
                        plural,
                        entry: e,
                        path_first: path[0],
                    });
                }
            }
        }
        out
    }
}

/// A complete match: end token, swaps, first token of each word, plural, word ids,
/// content words kept.
type Complete = (usize, usize, Vec<usize>, bool, Vec<u32>, usize);

/// A depth-first walk matching one entry's words against the tokens.
struct Walk<'a> {
    entry: &'a Entry,
    tokens: &'a [Token],
    max_swaps: usize,
    starts: Vec<usize>,
    /// The word ids matched so far (plurals as the singular).
    path: Vec<u32>,
    found: Vec<Complete>,
}

impl Walk<'_> {
    fn step(&mut self, word: usize, t: usize, swaps: usize, kept: usize) {
        if word == self.entry.words.len() {
            let plural = self.tokens[t - 1].id != self.path.last().copied();
            let found = (
                t,
                swaps,
                self.starts.clone(),
                plural,
                self.path.clone(),
                kept,
            );
            self.found.push(found);
            return;
        }
        if word > 0 && !self.tokens[t - 1].joined {
            return;
        }
        let last = word + 1 == self.entry.words.len();
        let (id, synonyms) = &self.entry.words[word];
        self.starts.push(t);
        if self.matches(t, *id, last) {
            self.path.push(*id);
            let content = usize::from(self.entry.content[word]);
            self.step(word + 1, t + 1, swaps, kept + content);
            self.path.pop();
        }
        if swaps < self.max_swaps && t < self.tokens.len() {
            // Only synonyms starting with the token's word (or, on the last word, with
            // its singular) can match; tried in list order, as a full scan would.
            let token = &self.tokens[t];
            let by_id = token.id.map_or(&[][..], |id| synonyms.starting_with(id));
            let merged: Vec<u32>;
            let candidates = if last && !token.singular.is_empty() {
                let mut all = by_id.to_vec();
                for &s in &token.singular {
                    all.extend_from_slice(synonyms.starting_with(s));
                }
                all.sort_unstable();
                all.dedup();
                merged = all;
                &merged[..]
            } else {
                by_id
            };
            for &i in candidates {
                let syn = &synonyms[i as usize];
                let end = t + syn.len();
                if end > self.tokens.len() {
                    continue;
                }
                let inner_ok = (t..end - 1)
                    .all(|k| self.tokens[k].joined && self.tokens[k].id == Some(syn[k - t]));
                if inner_ok && self.matches(end - 1, syn[syn.len() - 1], last) {
                    self.path.extend_from_slice(syn);
                    self.step(word + 1, end, swaps + 1, kept);
                    self.path.truncate(self.path.len() - syn.len());
                }
            }
        }
        self.starts.pop();
    }

    /// Token `t` is word `id`, or (on the phrase's last word) its plural.
    fn matches(&self, t: usize, id: u32, last: bool) -> bool {
        t < self.tokens.len()
            && (self.tokens[t].id == Some(id) || (last && self.tokens[t].singular.contains(&id)))
    }
}

/// Lowercase words of a phrase, hyphens as spaces (`Vice-Marshal` -> `vice marshal`).
fn split_words(s: &str) -> Vec<std::borrow::Cow<'_, str>> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}')
        .filter(|w| !w.is_empty())
        .map(crate::text::lowercase)
        .collect()
}

/// `phrase` with its last word in the plural (`interest rate` -> `interest rates`). A
/// last word in the plural already stays (`Research Projects`, whose synonyms are
/// those of `project`, matched as `Works`).
pub(crate) fn pluralise(phrase: &str) -> String {
    let (head, last) = phrase
        .rsplit_once(' ')
        .map_or(("", phrase), |(h, l)| (h, l));
    let plural = if crate::rules::near::singular(last).is_some() {
        last.to_owned()
    } else if let Some(stem) = last
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| last.ends_with(s))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    if head.is_empty() {
        plural
    } else {
        format!("{head} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "# comment\n\
        city hall\tphrase\tcity=metropolis|hall=corridor,lobby\tcity lobby\n\
        World Health Organization\tname\thealth=well being|organization=structure\t\n\
        interest rate\tphrase\tinterest=curiosity|rate=charge\t\n";

    fn tokens(table: &SwapTable, text: &str) -> Vec<Token> {
        let words: Vec<&str> = text.split(' ').collect();
        words
            .iter()
            .enumerate()
            .map(|(i, w)| table.token(w, i + 1 < words.len()))
            .collect()
    }

    fn found(text: &str, max_swaps: usize) -> Vec<(Range<usize>, usize, bool)> {
        let table = SwapTable::parse(TABLE).unwrap();
        let toks = tokens(&table, text);
        (0..toks.len())
            .flat_map(|i| table.find_at(&toks, i, max_swaps))
            .map(|f| (f.tokens, f.swaps, f.plural))
            .collect()
    }

    #[test]
    fn one_or_several_words_replaced() {
        assert_eq!(found("at metropolis corridor today", 2), [(1..3, 2, false)]);
        assert_eq!(found("at metropolis hall today", 2), [(1..3, 1, false)]);
        assert_eq!(found("at metropolis corridor today", 1), []);
        assert_eq!(
            found("the World Well being Organization said", 2),
            [(1..5, 1, false)]
        );
    }

    #[test]
    fn the_phrase_itself_and_exceptions_are_not_found() {
        assert_eq!(found("at city hall today", 2), []);
        assert_eq!(found("the city lobby", 2), []);
    }

    #[test]
    fn a_plural_last_word_matches() {
        assert_eq!(
            found("raised curiosity charges again", 2),
            [(1..3, 2, true)]
        );
        assert_eq!(pluralise("interest rate"), "interest rates");
        assert_eq!(pluralise("city"), "cities");
        assert_eq!(pluralise("press"), "presses");
        assert_eq!(pluralise("Research Projects"), "Research Projects");
        assert_eq!(pluralise("bus"), "buses");
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        let err = SwapTable::parse("city hall\tphrase\n").unwrap_err();
        assert!(err.starts_with("line 1: expected"), "{err}");
        let err = SwapTable::parse("city hall\tphrase\ttown=borough\n").unwrap_err();
        assert!(err.contains("not a word of `city hall`"), "{err}");
        let err = SwapTable::parse("\n\ncity hall\tphrase\tcity\n").unwrap_err();
        assert!(
            err.starts_with("line 3:") && err.contains("lack `word=`"),
            "{err}"
        );
        let err = SwapTable::parse("city hall\t\tcity=town\n").unwrap_err();
        assert!(err.contains("no kind"), "{err}");
    }
}
