//! `bimer classify`: free text in, a classification with its evidence out.

use std::io::Read;
use std::path::PathBuf;

use bimer_core::Classifier;

/// Arguments of `bimer classify`.
#[derive(clap::Args)]
pub(crate) struct ClassifyArgs {
    /// The subject line (optional).
    #[arg(long, value_name = "TEXT", default_value = "")]
    subject: String,
    /// The body text; read from standard input when not given.
    #[arg(long, value_name = "TEXT")]
    text: Option<String>,
    /// A lexicon to use instead of the bundled one (the format of
    /// bimer-core/data/lexicon.csv).
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
}

/// Classifies the text and renders the classification as pretty JSON.
pub(crate) fn run(args: &ClassifyArgs) -> crate::Result<String> {
    let classifier = match &args.lexicon {
        None => Classifier::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("--lexicon {}: {e}", path.display()))?;
            Classifier::from_lexicon(&text)
                .map_err(|e| format!("--lexicon {}: {e}", path.display()))?
        }
    };
    let text = match &args.text {
        Some(text) => text.clone(),
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read the text from standard input: {e}"))?;
            text
        }
    };
    crate::pretty(&classifier.classify(&args.subject, &text))
}
