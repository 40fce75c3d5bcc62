//! `telesales-kpi report` on generated files (100,000 canonical calls, the
//! messy variant, and the demo files with the canonical calls) prints, byte
//! for byte, the JSON that the command printed before decoding was made
//! faster (kept in tests/golden/generated/, produced by the earlier binary):
//! the fast paths change no value.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
}

/// A fresh directory for this test's files.
fn work_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("telesales-kpi-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = cli().current_dir(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/generated")
        .join(name);
    std::fs::read_to_string(&path).expect("golden file")
}

#[test]
fn reports_on_generated_files_are_byte_identical_to_before() {
    let dir = work_dir("generated");
    run(&dir, &["generate", "100000", "calls.csv"]);
    run(&dir, &["generate", "100000", "messy.csv", "--messy"]);
    run(&dir, &["demo", "demo", "--today", "2026-11-15"]);
    let cases: [(&[&str], &str); 3] = [
        (&["report", "calls.csv"], "canonical_100k.json"),
        (&["report", "messy.csv"], "messy_100k.json"),
        (
            &[
                "report",
                "demo/calls.csv",
                "demo/deals.csv",
                "demo/leads.csv",
                "demo/roster.csv",
                "demo/campaigns.csv",
                "calls.csv",
            ],
            "demo_and_canonical_100k.json",
        ),
    ];
    for (args, expected) in cases {
        assert!(
            run(&dir, args) == golden(expected),
            "{args:?} differs from {expected}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
