//! Rules declare the languages they are written for; an article detected as another
//! language does not get them, and language-independent rules still run.

use scrapelint::rules::Origin;
use scrapelint::{LoadOptions, RuleSet, RuleSources, check_text};

const ENGLISH: &str = "The council voted on Tuesday to close the old library on Mill Street.\n\nResidents who spoke at the meeting asked for the branch to stay open until a new one is built, and the mayor promised a review before the end of the year.\n\nADVERTISEMENT\n\nThe library has served the town since 1912.\n";
const FRENCH: &str = "Le conseil municipal a voté mardi la fermeture de l'ancienne bibliothèque de la rue du Moulin.\n\nLes habitants qui ont pris la parole ont demandé que la succursale reste ouverte jusqu'à la construction d'une nouvelle, et le maire a promis un réexamen avant la fin de l'année.\n\nADVERTISEMENT\n\nLa bibliothèque sert la ville depuis 1912.\n";

fn rules(toml: &str) -> Result<RuleSet, Vec<scrapelint::LoadError>> {
    let mut sources = RuleSources::new();
    sources.add_text("test.toml", toml, Origin::File("test.toml".into()));
    RuleSet::load(&sources, &LoadOptions::default())
}

fn label_rule(languages: &str) -> String {
    format!(
        "{languages}\n[[rule]]\nid = \"boilerplate.label\"\nkind = \"phrase\"\ncategory = \"boilerplate\"\nscope = \"line\"\nanchor = \"whole\"\nphrases = [\"advertisement\"]\nmessage = \"ad label\"\n"
    )
}

fn fires(rules: &RuleSet, text: &str) -> bool {
    check_text(rules, text)
        .iter()
        .any(|d| &*d.rule == "boilerplate.label")
}

#[test]
fn an_english_rule_is_quiet_on_a_french_article() {
    let r = rules(&label_rule("languages = [\"eng\"]")).unwrap();
    assert!(fires(&r, ENGLISH));
    assert!(!fires(&r, FRENCH));
}

#[test]
fn a_rule_without_languages_runs_on_every_article() {
    let r = rules(&label_rule("")).unwrap();
    assert!(fires(&r, ENGLISH));
    assert!(fires(&r, FRENCH));
}

#[test]
fn a_rule_names_its_own_languages_over_the_files_default() {
    let toml = label_rule("languages = [\"eng\"]").replace(
        "kind = \"phrase\"",
        "kind = \"phrase\"\nlanguages = [\"fra\"]",
    );
    let r = rules(&toml).unwrap();
    assert!(!fires(&r, ENGLISH));
    assert!(fires(&r, FRENCH));
    let any = label_rule("languages = [\"eng\"]").replace(
        "kind = \"phrase\"",
        "kind = \"phrase\"\nlanguages = [\"any\"]",
    );
    assert!(fires(&rules(&any).unwrap(), FRENCH));
}

#[test]
fn a_short_text_of_unknown_language_gets_every_rule() {
    let r = rules(&label_rule("languages = [\"eng\"]")).unwrap();
    assert!(fires(&r, "Le maire.\n\nADVERTISEMENT\n"));
}

#[test]
fn an_unknown_code_is_an_error_at_the_list() {
    let toml = label_rule("languages = [\"en\"]");
    let errors = rules(&toml).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert!(e.message.contains("unknown language code `en`"), "{e:?}");
    let span = e.span.clone().expect("points at the list");
    assert_eq!(&toml[span], "[\"en\"]");
}

#[test]
fn builtin_english_rules_stay_quiet_on_french_but_encoding_rules_do_not() {
    let r = RuleSet::builtin().unwrap();
    let french = format!("{FRENCH}\nLe maire a déclaré : Ã©tÃ© difficile pour tous.\n");
    let found = check_text(&r, &french);
    assert!(
        found.iter().all(|d| d.rule.starts_with("encoding.")
            || d.rule.as_ref() == "boilerplate.separator-line"
            || d.rule.as_ref() == "fragment.unbalanced-brackets"),
        "{:?}",
        found.iter().map(|d| &d.rule).collect::<Vec<_>>()
    );
    assert!(found.iter().any(|d| &*d.rule == "encoding.mojibake"));
    let english = check_text(&r, ENGLISH);
    assert!(english.iter().any(|d| &*d.rule == "boilerplate.ad-label"));
}

/// A German news page as a scraper keeps it: the site's menu above the article.
const GERMAN_PAGE: &str = "Stadtbibliothek öffnet nach zwei Jahren Umbau wieder
Startseite
Nachrichten
Region
Sport
Kultur
Wirtschaft
Nach fast zwei Jahren Bauzeit hat die Stadtbibliothek am Samstag ihre Türen wieder geöffnet. Schon vor zehn Uhr warteten mehr als hundert Besucher vor dem Eingang am Marktplatz.
Der Umbau hat rund 4,8 Millionen Euro gekostet, etwas mehr als ursprünglich geplant. Die Stadt trägt den größten Teil der Kosten, ein Drittel kommt aus einem Förderprogramm des Landes.
Neu sind vor allem die Räume im Erdgeschoss. Wo früher Regale bis unter die Decke standen, gibt es jetzt ein Lesecafé, einen Bereich für Kinder und zwölf Arbeitsplätze.
„Wir wollten einen Ort schaffen, an dem man sich auch ohne Buch gern aufhält“, sagte die Leiterin der Bibliothek bei der Eröffnung.
Die Ausleihe bleibt für Kinder und Jugendliche kostenlos. Erwachsene zahlen weiterhin zwölf Euro im Jahr.
";

#[test]
fn the_line_model_reads_the_layout_of_a_page_in_any_language() {
    let r = RuleSet::builtin().unwrap();
    let found = check_text(&r, GERMAN_PAGE);
    let lines: Vec<usize> = found
        .iter()
        .filter(|d| &*d.rule == "boilerplate.line-classifier")
        .map(|d| GERMAN_PAGE[..d.span.start].matches('\n').count() + 1)
        .collect();
    // the menu, not the title above it nor a line of the article below
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(lines.iter().all(|l| (2..=7).contains(l)), "{lines:?}");
    // the English phrase rules still stay quiet
    assert!(
        found
            .iter()
            .all(|d| &*d.rule == "boilerplate.line-classifier"),
        "{:?}",
        found.iter().map(|d| &d.rule).collect::<Vec<_>>()
    );
}
