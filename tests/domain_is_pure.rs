//! The domain must stay pure Rust: no browser crate may appear in `src/domain`.

use std::fs;
use std::path::Path;

const BANNED: [&str; 5] = ["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/domain") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn domain_imports_no_web_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(!files.is_empty());
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for crate_name in BANNED {
                let used = code.contains(&format!("{crate_name}::"))
                    || code.contains(&format!("use {crate_name}"))
                    || code.contains(&format!("extern crate {crate_name}"));
                if used {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "web crates used in src/domain:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_check_catches_a_web_import() {
    // Guard against a check that can't fail: the same matcher on a bad line.
    let code = "use web_sys::Storage;";
    assert!(BANNED.iter().any(|c| code.contains(&format!("use {c}"))));
}
