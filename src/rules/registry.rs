//! The one list of rule kinds. Adding a kind is one module and one line here.
//!
//! Order matters: checkers run in this order and later kinds may read the diagnostics
//! of earlier ones (a classifier uses the phrase rules' hits as a feature).

use super::Kind;

pub static KINDS: &[&dyn Kind] = &[
    &super::encoding::EncodingKind,
    &super::phrase::PhraseKind,
    &super::pattern::PatternKind,
    &super::substitution::SubstitutionKind,
    &super::block::BlockKind,
    &super::repeated::RepeatedKind,
    &super::fragment::FragmentKind,
    &super::lexicon::LexiconKind,
    &super::folded_title::FoldedTitleKind,
    &super::collocation::CollocationKind,
    &super::consistency::ConsistencyKind,
    &super::cohesion::CohesionKind,
    // After the off-topic rules: what they left of the shared paragraphs.
    &super::duplicate::DuplicateKind,
    // Last: it reads the other kinds' diagnostics as features.
    &super::classifier::ClassifierKind,
];

/// The kind named `name`, if any.
pub fn find(name: &str) -> Option<&'static dyn Kind> {
    KINDS.iter().copied().find(|k| k.name() == name)
}
