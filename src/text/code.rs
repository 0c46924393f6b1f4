//! Lines of program code or markup quoted in an article (how-tos, tutorials, release
//! notes). Code does not follow the rules of prose: `fn main() {` leaves a bracket
//! open, `fmt.Println` is no pair of fused sentences, `"` delimits strings. Checks of
//! sentence shape pass such lines by.
//!
//! A line is read as code by its shape alone, on signs that prose does not give:
//! - it opens a block or a call at its end (`{`, `(`, `[`), or closes one at its start
//!   (`}`, `]`, a lone `)` or `);`);
//! - it starts with a comment marker (`//`, `/*`, `<!--`, `#include`, `#!`);
//! - it is markup: a tag at the start (`<PackageVersion`, `</div>`) and a `>` at the end;
//! - it calls a method (`os.Open(`, `x.len()`, `.trim()`), assigns to a plain
//!   identifier at its start (`result = Agent(`, `src, err := os.Open(name)`), or sets
//!   an attribute (`Condition="..."`);
//! - it ends with `;` after an assignment, a bracket pair or a dotted name
//!   (`using Microsoft.Extensions.Logging;`), not after words (`the bridge (1901);`).

/// Whether `line` reads as a line of program code or markup.
pub fn looks_like_code(line: &str) -> bool {
    let s = line.trim();
    if s.is_empty() {
        return false;
    }
    if ["//", "/*", "<!--", "#include", "#!"]
        .iter()
        .any(|m| s.starts_with(m))
        && !s.starts_with("//www")
    {
        return true;
    }
    if s.ends_with(['{', '(', '['])
        || s.starts_with(['}', ']'])
        || matches!(s, ")" | ");" | "))" | "});")
    {
        return true;
    }
    if is_markup(s)
        || is_table_delimiter(s)
        || is_import(s)
        || is_annotation(s)
        || has_method_call(s)
        || has_attribute(s)
        || assigns_at_start(s)
    {
        return true;
    }
    s.ends_with(';') && (s.contains(['=', '{', '}']) || s.contains("()") || has_dotted_name(s))
}

/// `<tag ...>` or `</tag>`: a tag name right after `<`, and `>` at the end.
fn is_markup(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '?' || c == '!')
        && s.ends_with('>')
}

/// The delimiter row of a Markdown table: two cells or more of three dashes or more,
/// each maybe with colons for alignment (`|---|:---:|`, `--- | ---`).
fn is_table_delimiter(s: &str) -> bool {
    let inner = s.strip_prefix('|').unwrap_or(s);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    cells.len() >= 2
        && cells.iter().all(|c| {
            let dashes = c.trim_start_matches(':').trim_end_matches(':');
            dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
        })
}

/// An import of a module by its dotted or `::` path: `import Mathlib.Data.Set.Basic`,
/// `from os.path import join`, `using System.Text;`, `use std::io;`.
fn is_import(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(keyword), Some(path)) = (words.next(), words.next()) else {
        return false;
    };
    let path = path.trim_end_matches(';');
    let rest: Vec<&str> = words.collect();
    let tail_fits = match rest.as_slice() {
        [] => true,
        ["import", ..] => keyword == "from",
        ["as", alias] => alias.trim_end_matches(';').chars().all(is_ident),
        _ => false,
    };
    matches!(keyword, "import" | "from" | "using" | "use")
        && tail_fits
        && (path.contains('.') || path.contains("::"))
        && path
            .chars()
            .all(|c| is_ident(c) || matches!(c, '.' | ':' | '*' | '{' | '}' | ','))
}

/// An annotation or attribute on a line of its own: `[MapperIgnoreSource(nameof(x))]`,
/// `@Test(timeout = 10)`: a bracket or `@`, a name, and its opening parenthesis.
fn is_annotation(s: &str) -> bool {
    let (body, close) = match s.strip_prefix('[') {
        Some(inner) => (inner, s.ends_with(']')),
        None => (s.strip_prefix('@').unwrap_or(""), s.ends_with(')')),
    };
    let name_len = body.chars().take_while(|&c| is_ident(c)).count();
    close
        && name_len > 0
        && body.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && body[name_len..].starts_with('(')
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `name.method(`: an identifier character, a dot, an identifier and an opening bracket
/// with no space between them.
fn has_method_call(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = s[i..].find('.') {
        let dot = i + p;
        let ident_end = b[dot + 1..]
            .iter()
            .position(|&c| !is_ident(c as char))
            .map_or(b.len(), |n| dot + 1 + n);
        let name = &s[dot + 1..ident_end];
        let before = dot.checked_sub(1).map(|k| b[k] as char);
        if name.len() >= 2
            && name.as_bytes()[0].is_ascii_alphabetic()
            && b.get(ident_end) == Some(&b'(')
            && before.is_some_and(|c| is_ident(c) || c == ')' || c == '"' || c == ']')
        {
            return true;
        }
        i = dot + 1;
    }
    false
}

/// `name="`: an attribute of markup or an argument.
fn has_attribute(s: &str) -> bool {
    s.match_indices("=\"").any(|(k, _)| {
        s[..k]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// `x = ...`, `a, b := ...`: identifiers in lowercase (or with `_`) at the start,
/// then an assignment.
fn assigns_at_start(s: &str) -> bool {
    let Some(eq) = s.find([':', '=']) else {
        return false;
    };
    let op = &s[eq..];
    let op_len = if op.starts_with(":=") {
        2
    } else if op.starts_with('=') && !op.starts_with("==") {
        1
    } else {
        return false;
    };
    let target = s[..eq].trim_end();
    let after = s[eq + op_len..].trim_start();
    !target.is_empty()
        && !after.is_empty()
        && s[..eq].ends_with(' ')
        && target.split(',').all(|t| {
            let t = t.trim();
            !t.is_empty()
                && t.chars().all(|c| is_ident(c) || c == '.')
                && t.chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        })
}

/// A dotted name of two parts of two characters or more (`Microsoft.Extensions`,
/// `os.path`), which initialisms (`U.S.`) are not.
fn has_dotted_name(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ';').any(|w| {
        let parts: Vec<&str> = w.split('.').collect();
        parts.len() >= 2
            && parts.iter().all(|p| {
                p.len() >= 2 && p.chars().all(is_ident) && p.as_bytes()[0].is_ascii_alphabetic()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_code;

    #[test]
    fn code_and_markup_lines_are_code() {
        for line in [
            "fn main() {",
            "func CopyFile(dstName, srcName string) (written int64, err error) {",
            "} else {",
            "}",
            ");",
            "// Before: String.Index iteration",
            "fmt.Println(\"Returned normally from f.\")",
            "mu.Lock()",
            "\" hello \".trim() // \"hello\"",
            "src, err := os.Open(srcName)",
            "result = Agent(",
            "global using Microsoft.Extensions.Logging;",
            ".WithScopedLifetime());",
            "<PackageVersion Include=\"Aspire.Hosting.AppHost\" Version=\"13.0.2\" />",
            "Condition=\"'$(EnableAutoFormat)' != 'false'\">",
            "</div>",
            "if r := recover(); r != nil {",
            "int x = 5;",
            "|---|:---:|",
            "--- | ---",
            "import Mathlib.Data.Set.Basic",
            "from os.path import join",
            "using System.Text;",
            "use std::io;",
            "[MapperIgnoreSource(nameof(Player.Ruleset))]",
            "@Test(timeout = 10)",
        ] {
            assert!(looks_like_code(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_code() {
        for line in [
            "The plant (which opened in 1998 employs 400 people.",
            "the ministry said.The troops would leave",
            "Swift's String.Index advances one grapheme at a time.",
            "In the U.S.; in Canada, too.",
            "the bridge (built in 1901);",
            "“When it comes to feces or anything, that’s where it hits off-limits.",
            "Wheel size: 9” pneumatic tires",
            "Key points:",
            "For example, x = 5 in the first case.",
            "Visit example.com (the shop) for details.",
            "He said: \"We will go.\"",
            "Scores: 3-1 (after extra time)",
            "<3 love this",
            "http://example.com/page",
            "A list (see below) [1]",
            "|---|",
            "---",
            "| -- | -- |",
            "import duties rose.",
            "Import Mr. Smith's plan",
            "use the U.S. figures",
            "from U.S. sources",
            "@janedoe",
            "[Photo: Reuters]",
            "[1] (see below)",
        ] {
            assert!(!looks_like_code(line), "{line}");
        }
    }
}
