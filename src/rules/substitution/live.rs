//! Which of the substitution rules' regexes can match a document, from one literal scan
//! of it for all of them: each regex's own scan ([`LazyRegex::may_match`]) read the
//! whole document once per regex.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use crate::rules::LazyRegex;
use crate::rules::literals::folds_to_ascii;

#[derive(Debug)]
pub(super) struct LiveRegexes {
    /// Every literal one of the regexes requires, ASCII case-insensitive.
    scan: Option<AhoCorasick>,
    /// Per pattern of `scan`: the regexes that require it.
    owners: Vec<Vec<usize>>,
    /// Regexes without required literals, which may match anywhere.
    always: Vec<usize>,
    count: usize,
}

impl LiveRegexes {
    /// The scan of `regexes`, numbered in this order.
    pub(super) fn new<'a>(regexes: impl IntoIterator<Item = &'a LazyRegex>) -> Self {
        let regexes: Vec<&LazyRegex> = regexes.into_iter().collect();
        LazyRegex::derive_all(regexes.iter().copied());
        let mut patterns: Vec<&[u8]> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (i, re) in regexes.iter().enumerate() {
            let Some(literals) = re.required_literals() else {
                always.push(i);
                continue;
            };
            for literal in literals {
                match patterns.iter().position(|p| *p == literal.as_slice()) {
                    Some(at) => owners[at].push(i),
                    None => {
                        patterns.push(literal);
                        owners.push(vec![i]);
                    }
                }
            }
        }
        let scan = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        if scan.is_none() {
            // Without a scan every regex is searched: the literals only ever rule one out.
            always = (0..regexes.len()).collect();
        }
        LiveRegexes {
            scan,
            owners,
            always,
            count: regexes.len(),
        }
    }

    /// Per regex: whether `text` holds one of its literals, or a character that folds
    /// to an ASCII letter (which an ASCII case-insensitive scan would miss), as
    /// [`LazyRegex::may_match`] tells.
    pub(super) fn of(&self, text: &str) -> Vec<bool> {
        if folds_to_ascii(text) {
            return vec![true; self.count];
        }
        let mut live = vec![false; self.count];
        for &i in &self.always {
            live[i] = true;
        }
        if let Some(scan) = &self.scan {
            for m in scan.find_overlapping_iter(text) {
                for &i in &self.owners[m.pattern().as_usize()] {
                    live[i] = true;
                }
            }
        }
        live
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scan_tells_what_each_regex_scan_tells() {
        let regexes: Vec<LazyRegex> = [
            r"\bcould of\b",
            r"\b(?:alot|a lot) (?P<flag>more)\b",
            r"\d+ ?percents?",
            r"\b(?:should|would) of\b",
            r"^\W+$",
        ]
        .iter()
        .map(|p| LazyRegex::new(p, true).unwrap())
        .collect();
        let live = LiveRegexes::new(&regexes);
        for text in [
            "",
            "He could of gone.",
            "WOULD OF and A LOT MORE",
            "12 percents",
            "no literal here",
            "\u{212A}elvin could",
            "caf\u{e9} alot more",
        ] {
            let each: Vec<bool> = regexes.iter().map(|r| r.may_match(text)).collect();
            assert_eq!(live.of(text), each, "{text:?}");
        }
    }
}
