//! `--select` / `--ignore`: which rules run, by id or by prefix.

use std::sync::Arc;

use super::RuleMeta;

/// Rule selectors. A selector is a rule id or a prefix ending at a `.` boundary
/// (`boilerplate`, `mangled.rank`); the most specific matching selector decides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// Whether `selector` names `id` or one of its `.`-separated prefixes.
pub fn matches(selector: &str, id: &str) -> bool {
    let selector = selector.trim_end_matches('.');
    id == selector
        || selector.eq_ignore_ascii_case("all")
        || id
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('-'))
}

fn specificity(selector: &str) -> usize {
    if selector.eq_ignore_ascii_case("all") {
        0
    } else {
        selector.len() + 1
    }
}

/// The value of the longest selector matching `id`.
pub fn longest_prefix<T: Copy>(pairs: &[(String, T)], id: &str) -> Option<T> {
    pairs
        .iter()
        .filter(|(s, _)| matches(s, id))
        .max_by_key(|(s, _)| specificity(s))
        .map(|(_, v)| *v)
}

impl Selection {
    /// Whether a rule runs. With no `select`, rules run unless `enabled = false`;
    /// naming a rule's exact id in `select` runs it even then.
    pub fn allows(&self, rule: &RuleMeta) -> bool {
        let id: &str = &rule.id;
        let best = |list: &[String]| {
            list.iter()
                .filter(|s| matches(s, id))
                .map(|s| specificity(s))
                .max()
        };
        let selected = if self.select.is_empty() {
            rule.enabled.then_some(0)
        } else {
            let exact = self.select.iter().any(|s| s == id);
            best(&self.select).filter(|_| rule.enabled || exact)
        };
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    /// Every selector must match at least one rule: a typo should not silently run nothing.
    pub fn validate(&self, rules: &[Arc<RuleMeta>]) -> Result<(), String> {
        for selector in self.select.iter().chain(&self.ignore) {
            if !rules.iter().any(|r| matches(selector, &r.id)) {
                return Err(format!(
                    "`{selector}` matches no rule; run `scrapelint rules` to list rule ids"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_stop_at_separators() {
        assert!(matches("boilerplate", "boilerplate.ads"));
        assert!(matches("mangled.rank", "mangled.rank"));
        assert!(matches("mangled.rank", "mangled.rank-near-miss"));
        assert!(!matches("mangled.ran", "mangled.rank"));
        assert!(!matches("boiler", "boilerplate.ads"));
    }

    #[test]
    fn longest_selector_wins() {
        let pairs = vec![
            ("boilerplate".to_owned(), 1),
            ("boilerplate.ads".to_owned(), 2),
        ];
        assert_eq!(longest_prefix(&pairs, "boilerplate.ads"), Some(2));
        assert_eq!(longest_prefix(&pairs, "boilerplate.x"), Some(1));
        assert_eq!(longest_prefix(&pairs, "mangled.x"), None);
    }
}
