//! Turkish-aware text folding.
//!
//! Turkish has two letter *i*s: dotted `i`/`İ` and dotless `ı`/`I`, so generic
//! Unicode lowercasing turns `ISPARTA` into `isparta` by luck and `İZMİR` into
//! `i̇zmir` (with a combining dot). People also type without Turkish letters
//! (`sikayet` for `şikâyet`). [`fold`] maps all of these to one ASCII key.

/// Folds `text` for matching: Turkish lowercase, then Turkish letters and
/// circumflexes to their ASCII base (`ç→c`, `ğ→g`, `ı→i`, `ö→o`, `ş→s`,
/// `ü→u`, `â→a`, `î→i`, `û→u`), whitespace runs collapsed to one space.
///
/// Folding is idempotent: `fold(&fold(s)) == fold(s)`.
///
/// # Example
///
/// ```
/// use bimer_core::text::fold;
/// assert_eq!(fold("ŞİKÂYET"), "sikayet");
/// assert_eq!(fold("Şikâyet"), fold("sikayet"));
/// assert_eq!(fold("  KAHRAMANMARAŞ "), "kahramanmaras");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        // Turkish casing first: I is the capital of ı, İ the capital of i.
        let lower: &mut dyn Iterator<Item = char> = match c {
            'I' | 'İ' => &mut std::iter::once('i'),
            c => &mut c.to_lowercase(),
        };
        for l in lower {
            let base = match l {
                'ı' | 'î' | 'ì' | 'í' | 'ï' => 'i',
                'ç' => 'c',
                'ğ' => 'g',
                'ö' | 'ô' | 'ò' | 'ó' => 'o',
                'ş' => 's',
                'ü' | 'û' | 'ù' | 'ú' => 'u',
                'â' | 'à' | 'á' | 'ä' => 'a',
                'é' | 'è' | 'ê' => 'e',
                '\u{0307}' | '\u{0302}' | '\u{0308}' | '\u{0327}' | '\u{0306}' => continue,
                l => l,
            };
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(base);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn turkish_i_forms() {
        assert_eq!(fold("IĞDIR"), "igdir");
        assert_eq!(fold("İzmir"), "izmir");
        assert_eq!(fold("i\u{0307}zmi\u{0307}r"), "izmir");
        assert_eq!(fold("Millî Eğitim"), "milli egitim");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn ascii_typing_folds_like_turkish(s in "[a-zA-ZçÇğĞıİöÖşŞüÜ ]{0,30}") {
            let ascii: String = s.chars().map(|c| match c {
                'ç' => 'c', 'Ç' => 'C', 'ğ' => 'g', 'Ğ' => 'G', 'ı' => 'i', 'İ' => 'I',
                'ö' => 'o', 'Ö' => 'O', 'ş' => 's', 'Ş' => 'S', 'ü' => 'u', 'Ü' => 'U', c => c,
            }).collect();
            prop_assert_eq!(fold(&ascii), fold(&s));
        }
    }
}
