//! Argument parsing and dispatch of the command-line tool.

use std::ffi::OsString;

const USAGE: &str = "\
telesales-kpi: the 15 telesales KPIs from call logs, deals and leads, as JSON.

Usage:
  telesales-kpi report FILE... [options]
  telesales-kpi --help | --version

Options of `report`:
  --from YYYY-MM-DD            first day of the report period
  --to YYYY-MM-DD              last day of the report period (inclusive)
  --agent A                    only agent A (a roster alias works); repeatable
  --team T                     only roster team T
  --campaign C                 only campaign C
  --utc-offset +07:00          report time zone (default +07:00, WIB)
  --kind FILE=KIND             force a file's kind: calls, deals, leads, roster,
                               campaigns, asterisk-cdr, queue-log; repeatable
  --targets targets.json       targets to judge against (default: the presets)
  --short-abandon-seconds N    ignore abandoned calls that waited less than N s
  --callback-days N            callback window in days (default 7)
  --country-code 62            country code for phone numbers starting with 0
  --extension-max-digits 5     longest PBX extension number

Exit codes: 0 success, 2 unusable arguments or unreadable file.
";

/// Runs the tool with the arguments after the program name; returns the exit code.
pub fn run(args: Vec<OsString>) -> i32 {
    let mut parser = lexopt::Parser::from_args(args);
    match parser.next() {
        Ok(Some(lexopt::Arg::Long("help") | lexopt::Arg::Short('h')) | None) => {
            print!("{USAGE}");
            0
        }
        Ok(Some(lexopt::Arg::Long("version"))) => {
            println!("telesales-kpi {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Ok(Some(lexopt::Arg::Value(cmd))) if cmd == "report" => {
            eprintln!("telesales-kpi: `report` is not implemented yet");
            2
        }
        Ok(Some(other)) => {
            eprintln!("telesales-kpi: unexpected {}\n\n{USAGE}", describe(&other));
            2
        }
        Err(e) => {
            eprintln!("telesales-kpi: {e}\n\n{USAGE}");
            2
        }
    }
}

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option -{c}"),
        lexopt::Arg::Long(l) => format!("option --{l}"),
        lexopt::Arg::Value(v) => format!("argument {}", v.to_string_lossy()),
    }
}
