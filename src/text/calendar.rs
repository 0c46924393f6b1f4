//! Month and weekday names, full and abbreviated, lowercase (English). One list for
//! every rule that must tell a date's words from a name's or a sentence's.

/// Month names.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations, as written with a full stop (`Jan.`, `Sept.`).
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Weekday names.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekday abbreviations (`Mon`, `Thurs`).
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
];

/// A month's name or abbreviation, lowercase.
pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower) || MONTH_ABBREVIATIONS.contains(&lower)
}

/// A month or weekday name or abbreviation, lowercase, or a weekday in the plural
/// (`sundays`).
pub fn is_calendar(lower: &str) -> bool {
    let weekdays = lower
        .strip_suffix('s')
        .is_some_and(|w| WEEKDAYS.contains(&w));
    is_month(lower)
        || WEEKDAYS.contains(&lower)
        || WEEKDAY_ABBREVIATIONS.contains(&lower)
        || weekdays
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        for w in ["march", "sept", "may", "sunday", "sundays", "thurs"] {
            assert!(is_calendar(w), "{w}");
        }
        assert!(is_month("dec") && !is_month("monday"));
        for w in ["marches", "mondayx", "days", "season"] {
            assert!(!is_calendar(w), "{w}");
        }
    }
}
