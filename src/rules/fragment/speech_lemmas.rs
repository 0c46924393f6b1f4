// One list for the run and for build.rs (which `include!`s this file to lay out the
// verb table): keep it a lone constant.

/// Reporting verbs: a quotation is attributed when one of these stands beside it.
/// A closed, grammatical set (verbs of saying), matched on the lemma, so every
/// inflection in `verbs-en.tsv` counts.
const SPEECH_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "write",
    "ask",
    "reply",
    "state",
    "note",
    "explain",
    "insist",
    "claim",
    "announce",
    "warn",
    "argue",
    "declare",
    "comment",
    "recall",
    "tweet",
    "respond",
    "conclude",
    "admit",
    "acknowledge",
    "stress",
    "confirm",
    "deny",
    "suggest",
    "quote",
    // what a social-media post says: `"Happy new year!" she captioned a video`
    "caption",
    "post",
];
