//! `--drop-if` expressions: a small boolean language over a record's summary fields,
//! such as `boilerplate_share > 0.5 or off_topic > 0`.
//!
//! ```text
//! expr       := and ("or" and)*
//! and        := not ("and" not)*
//! not        := "not" not | "(" expr ")" | comparison
//! comparison := operand [op operand]      (a lone operand means "is not 0")
//! operand    := FIELD | NUMBER
//! op         := > | >= | < | <= | == | = | !=
//! ```
//! `&&`, `||` and `!` may stand for `and`, `or` and `not`. Field names are those of
//! [`crate::summary::FIELDS`]; any other name is an error when the expression is parsed.

use std::fmt;

use crate::summary::{FIELDS, RecordSummary};

/// An expression that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid --drop-if expression at column {column}: {message}")]
pub struct FilterError {
    /// 1-based column (in characters) of the offending token.
    pub column: usize,
    pub message: String,
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    node: Node,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>, String),
    Compare(Operand, Op, Operand),
}

#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Field(&'static str),
    Number(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Gt,
    Ge,
    Lt,
    Le,
    Eq,
    Ne,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Eq => "==",
            Op::Ne => "!=",
        }
    }

    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Gt => a > b,
            Op::Ge => a >= b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Eq => a == b,
            Op::Ne => a != b,
        }
    }
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operand::Field(name) => f.write_str(name),
            Operand::Number(n) => write!(f, "{n}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Number(f64),
    Op(Op),
    And,
    Or,
    Not,
    Open,
    Close,
}

fn tokenize(src: &str) -> Result<Vec<(Token, usize)>, FilterError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
        let (token, len) = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let len = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            let word: String = chars[i..i + len].iter().collect();
            let token = match word.to_ascii_lowercase().as_str() {
                "and" => Token::And,
                "or" => Token::Or,
                "not" => Token::Not,
                _ => Token::Name(word),
            };
            (token, len)
        } else if c.is_ascii_digit() || c == '.' {
            let len = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '.')
                .count();
            let text: String = chars[i..i + len].iter().collect();
            let n = text.parse().map_err(|_| FilterError {
                column,
                message: format!("`{text}` is not a number"),
            })?;
            (Token::Number(n), len)
        } else {
            match two.as_str() {
                ">=" => (Token::Op(Op::Ge), 2),
                "<=" => (Token::Op(Op::Le), 2),
                "==" => (Token::Op(Op::Eq), 2),
                "!=" => (Token::Op(Op::Ne), 2),
                "&&" => (Token::And, 2),
                "||" => (Token::Or, 2),
                _ => match c {
                    '>' => (Token::Op(Op::Gt), 1),
                    '<' => (Token::Op(Op::Lt), 1),
                    '=' => (Token::Op(Op::Eq), 1),
                    '!' => (Token::Not, 1),
                    '(' => (Token::Open, 1),
                    ')' => (Token::Close, 1),
                    _ => {
                        return Err(FilterError {
                            column,
                            message: format!("unexpected `{c}`"),
                        });
                    }
                },
            }
        };
        out.push((token, column));
        i += len;
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    end_column: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at).map(|(t, _)| t)
    }

    fn column(&self) -> usize {
        self.tokens
            .get(self.at)
            .map_or(self.end_column, |(_, c)| *c)
    }

    fn error(&self, message: impl Into<String>) -> FilterError {
        FilterError {
            column: self.column(),
            message: message.into(),
        }
    }

    fn or(&mut self) -> Result<Node, FilterError> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Node, FilterError> {
        let mut parts = vec![self.not()?];
        while self.peek() == Some(&Token::And) {
            self.at += 1;
            parts.push(self.not()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::And(parts)
        })
    }

    fn not(&mut self) -> Result<Node, FilterError> {
        match self.peek() {
            Some(Token::Not) => {
                self.at += 1;
                let inner = self.not()?;
                let text = describe(&inner);
                Ok(Node::Not(Box::new(inner), text))
            }
            Some(Token::Open) => {
                self.at += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(self.error("expected `)`"));
                }
                self.at += 1;
                Ok(inner)
            }
            _ => self.comparison(),
        }
    }

    fn comparison(&mut self) -> Result<Node, FilterError> {
        let left = self.operand()?;
        if let Some(Token::Op(op)) = self.peek() {
            let op = *op;
            self.at += 1;
            let right = self.operand()?;
            return Ok(Node::Compare(left, op, right));
        }
        Ok(Node::Compare(left, Op::Ne, Operand::Number(0.0)))
    }

    fn operand(&mut self) -> Result<Operand, FilterError> {
        let found = self.peek().cloned();
        match found {
            Some(Token::Number(n)) => {
                self.at += 1;
                Ok(Operand::Number(n))
            }
            Some(Token::Name(name)) => {
                let Some(field) = FIELDS.iter().find(|f| **f == name) else {
                    return Err(self.error(format!(
                        "unknown field `{name}`; valid fields: {}",
                        FIELDS.join(", ")
                    )));
                };
                self.at += 1;
                Ok(Operand::Field(field))
            }
            Some(_) => Err(self.error("expected a field name or a number")),
            None => Err(self.error("the expression ends too early")),
        }
    }
}

fn describe(node: &Node) -> String {
    match node {
        Node::Or(parts) => format!(
            "({})",
            parts.iter().map(describe).collect::<Vec<_>>().join(" or ")
        ),
        Node::And(parts) => format!(
            "({})",
            parts.iter().map(describe).collect::<Vec<_>>().join(" and ")
        ),
        Node::Not(_, text) => format!("not {text}"),
        Node::Compare(a, op, b) => format!("{a} {} {b}", op.as_str()),
    }
}

impl Expr {
    /// Parses an expression; unknown field names are errors listing the valid ones.
    pub fn parse(src: &str) -> Result<Expr, FilterError> {
        let tokens = tokenize(src)?;
        let mut p = Parser {
            tokens,
            at: 0,
            end_column: src.chars().count() + 1,
        };
        let node = p.or()?;
        if p.at < p.tokens.len() {
            return Err(p.error("unexpected token after the end of the expression"));
        }
        Ok(Expr { node })
    }

    /// Whether the expression holds for `summary`: `Some(reason)`, the part that
    /// matched with the values it saw, or `None`.
    pub fn matches(&self, summary: &RecordSummary) -> Option<String> {
        eval(&self.node, summary)
    }
}

fn value(o: &Operand, s: &RecordSummary) -> f64 {
    match o {
        Operand::Field(name) => s.field(name).unwrap_or(0.0),
        Operand::Number(n) => *n,
    }
}

fn eval(node: &Node, s: &RecordSummary) -> Option<String> {
    match node {
        Node::Or(parts) => parts.iter().find_map(|p| eval(p, s)),
        Node::And(parts) => {
            let reasons: Option<Vec<String>> = parts.iter().map(|p| eval(p, s)).collect();
            reasons.map(|r| r.join(" and "))
        }
        Node::Not(inner, text) => match eval(inner, s) {
            Some(_) => None,
            None => Some(format!("not {text}")),
        },
        Node::Compare(a, op, b) => {
            let (x, y) = (value(a, s), value(b, s));
            op.holds(x, y).then(|| {
                let mut reason = format!("{a} {} {b}", op.as_str());
                for (operand, v) in [(a, x), (b, y)] {
                    if let Operand::Field(name) = operand {
                        reason.push_str(&format!(" ({name} = {v})"));
                    }
                }
                reason
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> RecordSummary {
        RecordSummary {
            boilerplate_share: 0.62,
            off_topic: 0,
            mangled: 2,
            ..RecordSummary::default()
        }
    }

    #[test]
    fn the_reason_is_the_part_that_matched() {
        let e = Expr::parse("boilerplate_share > 0.5 or off_topic > 0").unwrap();
        assert_eq!(
            e.matches(&summary()).as_deref(),
            Some("boilerplate_share > 0.5 (boilerplate_share = 0.62)")
        );
        let e = Expr::parse("off_topic > 0 || (mangled >= 2 && not encoding)").unwrap();
        assert_eq!(
            e.matches(&summary()).as_deref(),
            Some("mangled >= 2 (mangled = 2) and not encoding != 0")
        );
        assert_eq!(Expr::parse("off_topic").unwrap().matches(&summary()), None);
        assert!(
            Expr::parse("NOT off_topic = 1")
                .unwrap()
                .matches(&summary())
                .is_some()
        );
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        let s = summary();
        // false and false or true -> true; false and (false or true) -> false
        assert!(
            Expr::parse("off_topic > 0 and encoding > 0 or mangled > 1")
                .unwrap()
                .matches(&s)
                .is_some()
        );
        assert!(
            Expr::parse("off_topic > 0 and (encoding > 0 or mangled > 1)")
                .unwrap()
                .matches(&s)
                .is_none()
        );
    }

    #[test]
    fn errors_point_at_the_token_and_list_the_fields() {
        let e = Expr::parse("boilerplate_share > 0.5 or offtopic > 0").unwrap_err();
        assert_eq!(e.column, 28);
        assert!(e.message.contains("unknown field `offtopic`"), "{e}");
        assert!(e.message.contains("off_topic, mangled"), "{e}");
        for bad in [
            "",
            "score >",
            "(score > 1",
            "score > 1 )",
            "score ~ 1",
            "1..2 > 0",
        ] {
            assert!(Expr::parse(bad).is_err(), "{bad}");
        }
    }
}
