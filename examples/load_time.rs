use scrapelint::rules::{Origin, RuleSources};
use scrapelint::{LoadOptions, RuleSet};
use std::time::Instant;
fn main() {
    let all = RuleSources::builtin();
    for f in all.files() {
        let mut s = RuleSources::new();
        s.add_text(f.name.clone(), f.text.clone(), Origin::Builtin("x"));
        let t = Instant::now();
        let r = RuleSet::load(&s, &LoadOptions::default());
        println!(
            "{:>8.1} ms  {} {}",
            t.elapsed().as_secs_f64() * 1e3,
            f.name,
            r.is_ok()
        );
    }
    let t = Instant::now();
    RuleSet::load(&all, &LoadOptions::default()).unwrap();
    println!("{:>8.1} ms  all", t.elapsed().as_secs_f64() * 1e3);
}
