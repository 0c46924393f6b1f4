//! Embeds every file under `rules/` in the binary, so adding a rule file or a data file
//! needs no code change and the binary works with nothing beside it; and turns the
//! built-in word frequencies into the stem table cohesion reads, so a run does not stem
//! 50,000 words before its first check; works out, once, the unit scale of each
//! built-in word vector; and lays out the built-in word-frequency and name tables as
//! perfect-hash maps read in place, so a run parses neither.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut rules = Vec::new();
    let mut data = Vec::new();
    collect(&root, &root, &mut rules, &mut data);
    rules.sort();
    data.sort();
    let mut out = String::new();
    let entry = |out: &mut String, (name, path): &(String, String)| {
        writeln!(out, "    ({name:?}, include_str!({path:?})),").unwrap();
    };
    let bytes_entry = |out: &mut String, (name, path): &(String, String)| {
        writeln!(out, "    ({name:?}, include_bytes!({path:?})),").unwrap();
    };
    out.push_str("/// `(name, text)` of every built-in rule file, by path under `rules/`.\npub(crate) static RULE_FILES: &[(&str, &str)] = &[\n");
    rules.iter().for_each(|e| entry(&mut out, e));
    out.push_str("];\n\n/// `(name, text)` of every data file rules may read, by path under `rules/`.\npub(crate) static DATA_FILES: &[(&str, &[u8])] = &[\n");
    data.iter().for_each(|e| bytes_entry(&mut out, e));
    out.push_str("];\n");
    out.push_str(&stem_table(&root));
    out.push_str(&vector_scales(&root));
    out.push_str(&word_tables(&root));
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(
    root: &Path,
    dir: &Path,
    rules: &mut Vec<(String, String)>,
    data: &mut Vec<(String, String)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, rules, data);
            continue;
        }
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let item = (name.clone(), path.display().to_string());
        if name.ends_with(".toml") && !name.contains('/') {
            rules.push(item);
        } else if !name.ends_with(".md") {
            data.push(item);
        }
    }
}

/// The file whose stems are precomputed, as named under `rules/`.
const STEMMED: &str = "data/wordfreq-en.tsv";

/// `STEM_TABLE`: for the built-in word frequencies, each stem and the summed
/// probability of its words, computed as `Frequencies::parse` does at run time (a unit
/// test there compares the two), in a perfect-hash table ([`word_table`]).
fn stem_table(root: &Path) -> String {
    let text = std::fs::read_to_string(root.join(STEMMED)).unwrap_or_default();
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut sums: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((word, zipf)) = line.split_once('\t') else {
            continue;
        };
        let Ok(zipf) = zipf.trim().parse::<f32>() else {
            continue;
        };
        let word = normalize(word);
        *sums.entry(stemmer.stem(&word).into_owned()).or_default() +=
            10f64.powf(f64::from(zipf) - 9.0);
    }
    let stems = sums
        .into_iter()
        .map(|(stem, p)| (stem, format!("{p:?}")))
        .collect();
    word_table(STEMMED, "STEM_TABLE", "f64", stems)
}

/// The word-vector file whose scales are precomputed, as named under `rules/`.
const VECTORS: &str = "data/vectors-en.bin";

/// `VECTOR_SCALES`: per word of the built-in vectors, the factor that makes its
/// quantised vector unit length, as `WordVectors::parse` computes it (a unit test
/// there compares the two). The build fails on a file that parse would refuse for its
/// vectors or its word order, so the run can skip those checks on the embedded file.
fn vector_scales(root: &Path) -> String {
    const HEADER: usize = 16;
    let bytes = std::fs::read(root.join(VECTORS)).expect("the built-in word vectors");
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let (n, dims) = (u32_at(8), u32_at(12));
    let record = 4 + dims;
    let mut out = format!(
        "\n/// Unit scales of the vectors of `{VECTORS}`, by word (build.rs).\npub(crate) static VECTOR_SCALES: (&str, &[f32]) = ({VECTORS:?}, &[\n"
    );
    for i in 0..n {
        let at = HEADER + i * record;
        let norm = bytes[at + 4..at + record]
            .iter()
            .map(|&b| f32::from(b as i8).powi(2))
            .sum::<f32>()
            .sqrt();
        assert!(norm > 0.0, "{VECTORS}: word {i} has a zero vector");
        writeln!(out, "    {:?},", 1.0 / norm).unwrap();
    }
    out.push_str("]);\n");
    let words = std::str::from_utf8(&bytes[HEADER + n * record..]).expect("UTF-8 words");
    let words: Vec<&str> = words.split('\n').collect();
    assert_eq!(words.len(), n, "{VECTORS}: word count");
    assert!(
        words.windows(2).all(|w| w[0] < w[1]),
        "{VECTORS}: words not sorted and unique"
    );
    out
}

/// `cohesion::lexicon::normalize`: lowercase, curly apostrophe straight, possessive dropped.
fn normalize(word: &str) -> String {
    let mut w = word.to_lowercase().replace('\u{2019}', "'");
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('\'') {
        w.pop();
    }
    w
}

// The reporting verbs, shared with the run (`SPEECH_LEMMAS`).
include!("src/rules/fragment/speech_lemmas.rs");

/// `WORDFREQ_TABLE`, `NAMES_TABLE` and `VERBS_TABLE`: the built-in `word<TAB>zipf`,
/// `name<TAB>given<TAB>surname` and `form<TAB>lemma<TAB>tag<TAB>primary` files as
/// perfect-hash tables, as `WordFreq::parse`, `NameShares::parse` and the fragment
/// lexicon's `parse_verbs` read them (a unit test beside each compares the two). The
/// build fails on a line those parsers would refuse.
fn word_tables(root: &Path) -> String {
    let mut out = String::new();
    let mut zipfs = std::collections::BTreeMap::new();
    for (cols, line) in records(root, "data/wordfreq-en.tsv") {
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let [word, zipf] = cols[..] else {
            panic!("wordfreq-en.tsv: {line:?}")
        };
        let zipf: f32 = zipf
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("wordfreq-en.tsv: {line:?}"));
        zipfs.insert(word.to_lowercase(), format!("{zipf:?}"));
    }
    out.push_str(&word_table(
        "data/wordfreq-en.tsv",
        "WORDFREQ_TABLE",
        "f32",
        zipfs,
    ));
    let mut names = std::collections::BTreeMap::new();
    for (cols, line) in records(root, "data/names-en.tsv") {
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let [name, given, surname] = cols[..] else {
            panic!("names-en.tsv: {line:?}")
        };
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .unwrap_or_else(|_| panic!("names-en.tsv: {line:?}"))
        };
        names.insert(
            name.to_lowercase(),
            format!("({}, {})", number(given), number(surname)),
        );
    }
    out.push_str(&word_table(
        "data/names-en.tsv",
        "NAMES_TABLE",
        "(u32, u32)",
        names,
    ));
    // Form bits: 1 finite, 2 noun first (the last record's), 4 base, 8 speech.
    let mut forms: std::collections::BTreeMap<String, u8> = Default::default();
    for (cols, line) in records(root, "data/verbs-en.tsv") {
        let cols: Vec<&str> = cols.iter().map(String::as_str).collect();
        let [form, lemma, tag, primary] = cols[..] else {
            panic!("verbs-en.tsv: {line:?}")
        };
        let bits = forms.entry(form.to_owned()).or_default();
        if matches!(tag, "VBD" | "VBZ" | "VBP" | "MD") {
            *bits |= 1;
        }
        if primary != "-" && !primary.starts_with("VB") && primary != "MD" {
            *bits |= 2;
        } else {
            *bits &= !2;
        }
        if tag == "VB" {
            *bits |= 4;
        }
        if SPEECH_LEMMAS.contains(&lemma) && tag != "VBG" {
            *bits |= 8;
        }
    }
    let forms = forms.into_iter().map(|(k, v)| (k, v.to_string())).collect();
    out.push_str(&word_table("data/verbs-en.tsv", "VERBS_TABLE", "u8", forms));
    out
}

/// The records of a data file (non-empty lines not starting with `#`, trailing space
/// dropped: the parsers trim their last column or the whole line), split on tabs.
fn records(root: &Path, file: &str) -> Vec<(Vec<String>, String)> {
    let text = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let records: Vec<(Vec<String>, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let l = l.trim_end();
            (l.split('\t').map(str::to_owned).collect(), l.to_owned())
        })
        .collect();
    assert!(!records.is_empty(), "{file}: no records");
    records
}

/// One `StaticTable` of `entries` (word, value as Rust source), in the slots of a
/// perfect hash (phf_generator's, with its fixed seed, so the same file gives the same
/// bytes). Words are one string; each slot holds its word's end offset beside its
/// value (one cache line for both): plain numbers, so the loader has nothing to
/// relocate.
fn word_table(
    file: &str,
    name: &str,
    ty: &str,
    entries: std::collections::BTreeMap<String, String>,
) -> String {
    let entries: Vec<(String, String)> = entries.into_iter().collect();
    let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let state = phf_generator::generate_hash(&keys);
    let (mut words, mut slots) = (String::new(), String::new());
    for &i in &state.map {
        let (word, value) = &entries[i];
        words.push_str(word);
        write!(slots, "({},{value}),", words.len()).unwrap();
    }
    let disps: String = state
        .disps
        .iter()
        .map(|(a, b)| format!("({a},{b}),"))
        .collect();
    format!(
        "\n/// `{file}` by word, laid out at build time.\n#[allow(clippy::approx_constant)] // a zipf of 3.14 is no pi\npub(crate) static {name}: StaticTable<{ty}> = StaticTable {{\n    file: {file:?},\n    key: {key},\n    disps: &[{disps}],\n    words: {words:?},\n    slots: &[{slots}],\n}};\n",
        key = state.key,
    )
}
