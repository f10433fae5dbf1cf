//! A small reader for the bundled CSV data tables.
//!
//! The tables are RFC 4180 CSV with a header line: fields that contain a comma
//! or a quote are wrapped in double quotes, and a quote inside is doubled. That
//! is all the data needs, so a full CSV crate would be a dependency without a
//! reason.

use std::collections::HashMap;

/// One data row: the fields by column name.
pub(crate) struct Row<'a> {
    fields: Vec<String>,
    columns: &'a HashMap<String, usize>,
}

impl Row<'_> {
    /// The field of `column`, trimmed; empty when the column is missing.
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.fields.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }
}

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableError {
    pub line: usize,
    pub message: String,
}

/// Parses `text` and calls `each` on every data row; stops at the first error.
///
/// `required` columns must all be in the header.
pub(crate) fn read<F>(text: &str, required: &[&str], mut each: F) -> Result<(), TableError>
where
    F: FnMut(&Row<'_>) -> Result<(), String>,
{
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(TableError {
            line: 1,
            message: "the table is empty (no header line)".into(),
        });
    };
    let columns: HashMap<String, usize> = split(header, 1)?
        .into_iter()
        .enumerate()
        .map(|(i, c)| (c.trim().trim_start_matches('\u{feff}').to_string(), i))
        .collect();
    for column in required {
        if !columns.contains_key(*column) {
            return Err(TableError {
                line: 1,
                message: format!("the header has no `{column}` column"),
            });
        }
    }
    for (index, raw) in lines {
        let line = index + 1;
        let fields = split(raw, line)?;
        if fields.len() != columns.len() {
            return Err(TableError {
                line,
                message: format!(
                    "expected {} fields as in the header, found {}",
                    columns.len(),
                    fields.len()
                ),
            });
        }
        let row = Row {
            fields,
            columns: &columns,
        };
        each(&row).map_err(|message| TableError { line, message })?;
    }
    Ok(())
}

fn split(line: &str, number: usize) -> Result<Vec<String>, TableError> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return Err(TableError {
            line: number,
            message: "a quoted field is not closed".into(),
        });
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_commas_and_quotes() {
        let text = "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n";
        let mut seen = Vec::new();
        read(text, &["a", "b"], |row| {
            seen.push((row.get("a").to_string(), row.get("b").to_string()));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![("x, y".to_string(), "say \"hi\"".to_string())]);
    }

    #[test]
    fn errors_name_the_line() {
        let err = read("a,b\n1,2\n3\n", &["a"], |_| Ok(())).unwrap_err();
        assert_eq!(err.line, 3);
        let err = read("a\n\"open\n", &["a"], |_| Ok(())).unwrap_err();
        assert_eq!(err.line, 2);
        let err = read("a\n1\n", &["b"], |_| Ok(())).unwrap_err();
        assert!(err.message.contains("`b`"));
    }
}
