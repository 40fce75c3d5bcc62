//! The command-line tool: help, usage errors and exit codes.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_telesales-kpi"))
        .args(args)
        .output()
        .expect("run telesales-kpi");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_prints_usage_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &[]] {
        let (code, out, _) = cli(args);
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("telesales-kpi report FILE..."), "{out}");
        assert!(out.contains("--extension-max-digits"), "{out}");
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let (code, out, err) = cli(&["--frobnicate"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("--frobnicate") && err.contains("Usage:"),
        "{err}"
    );
}

#[test]
fn unknown_command_is_a_usage_error() {
    let (code, _, err) = cli(&["summarise"]);
    assert_eq!(code, 2);
    assert!(err.contains("summarise"), "{err}");
}
