//! Message templates: `"scraper metadata '{match}' left in the text"`.

use std::borrow::Cow;

/// A message with `{name}` placeholders (`{{` and `}}` are literal braces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Var(String),
}

impl Template {
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(c) if c.is_alphanumeric() || c == '_' || c == '-' => name.push(c),
                            _ => {
                                return Err(format!(
                                    "unclosed or malformed placeholder `{{{name}` (placeholders look like {{match}}; write {{{{ for a literal brace)"
                                ));
                            }
                        }
                    }
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Var(name));
                }
                '}' => return Err("unmatched `}` (write `}}` for a literal brace)".into()),
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template { parts })
    }

    /// Placeholder names used, in order.
    pub fn vars(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Var(v) => Some(v.as_str()),
            Part::Text(_) => None,
        })
    }

    /// Checks that every placeholder is one the rule's kind can fill.
    pub fn check_vars(&self, allowed: &[&str]) -> Result<(), String> {
        for var in self.vars() {
            if !allowed.contains(&var) {
                return Err(format!(
                    "unknown placeholder `{{{var}}}` in message; this kind fills {}",
                    allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        Ok(())
    }

    pub fn render<'a>(&self, lookup: impl Fn(&str) -> Option<Cow<'a, str>>) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(v) => match lookup(v) {
                    Some(value) => out.push_str(&value),
                    None => {
                        out.push('{');
                        out.push_str(v);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// The template with placeholders shown as `…`, for rule summaries.
    pub fn summary(&self) -> String {
        self.render(|_| Some(Cow::Borrowed("…")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_placeholders_and_escapes() {
        let t = Template::parse("found '{match}' {{literal}} near {1}").unwrap();
        let s = t.render(|v| match v {
            "match" => Some("x".into()),
            _ => None,
        });
        assert_eq!(s, "found 'x' {literal} near {1}");
        assert_eq!(t.vars().collect::<Vec<_>>(), ["match", "1"]);
    }

    #[test]
    fn rejects_malformed() {
        assert!(Template::parse("oops {match").is_err());
        assert!(Template::parse("oops }").is_err());
        let t = Template::parse("{nope}").unwrap();
        assert!(t.check_vars(&["match"]).unwrap_err().contains("{match}"));
    }
}
