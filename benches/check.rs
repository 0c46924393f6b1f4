//! Throughput of the core: loading the built-in rules, building the text model,
//! checking the seed articles with every rule and with the rules of each kind alone.
//! Run with `cargo bench`; docs/performance.md reports the results.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scrapelint::corpus::CorpusStats;
use scrapelint::rules::Selection;
use scrapelint::text::Document;
use scrapelint::{RuleSet, check};

fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn benches(c: &mut Criterion) {
    let texts = seed_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    c.bench_function("load builtin rules", |b| {
        b.iter(|| RuleSet::builtin().unwrap())
    });

    let mut g = c.benchmark_group("seeds");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("document model", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Document::from_text(t).sentences().len())
                .sum::<usize>()
        })
    });
    let rules = RuleSet::builtin().unwrap();
    let docs: Vec<Document> = texts.iter().map(|t| Document::from_text(t)).collect();
    let corpus = CorpusStats::default();
    g.bench_function("check", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| check(&rules, d, &corpus).len())
                .sum::<usize>()
        })
    });
    g.finish();

    // Each kind alone: the rules of one kind selected, the others skipped. The first
    // iteration builds the kind's automata and parses its data; criterion's warm-up
    // absorbs it, so these are steady-state costs.
    let mut g = c.benchmark_group("kind");
    g.throughput(Throughput::Bytes(bytes as u64));
    let mut kinds: Vec<String> = rules.rules().iter().map(|r| r.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let mut only = RuleSet::builtin().unwrap();
        let ids = only
            .rules()
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.id.to_string())
            .collect();
        only.select(Selection {
            select: ids,
            ignore: Vec::new(),
        })
        .unwrap();
        g.bench_function(kind.as_str(), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| check(&only, d, &corpus).len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    // Shapes that once made checking superlinear: one huge paragraph, many tiny ones.
    let words: Vec<&str> = texts.iter().flat_map(|t| t.split_whitespace()).collect();
    let one_line: String = (0..60_000)
        .map(|i| words[i * 7 % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let many_lines: String = (0..5_000)
        .map(|i| {
            (0..1 + i % 12)
                .map(|j| words[(i * 13 + j) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut g = c.benchmark_group("shapes");
    g.sample_size(10);
    for (name, text) in [
        ("one 400 KB line", &one_line),
        ("5,000 short lines", &many_lines),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let doc = Document::from_text(text);
        g.bench_function(name, |b| b.iter(|| check(&rules, &doc, &corpus).len()));
    }
    g.finish();
}

criterion_group!(benches_group, benches);
criterion_main!(benches_group);
