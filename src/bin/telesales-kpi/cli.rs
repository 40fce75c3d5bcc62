//! Argument parsing and dispatch of the command-line tool.

use std::ffi::OsString;
use std::io::Write as _;

const USAGE: &str = "\
telesales-kpi: the 15 telesales KPIs from call logs, deals and leads, as JSON.

Usage:
  telesales-kpi report FILE... [options]
  telesales-kpi demo DIR [--today YYYY-MM-DD]
                                write the page's demo files into DIR: three
                                whole months ending with today's month
                                (default: today at UTC+07:00)
  telesales-kpi generate ROWS FILE [--messy]
                                write a synthetic calls CSV (benchmarks)
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
  --map FILE:FIELD=COLUMN      read FIELD from COLUMN (a header text, or #N for
                               the N-th column; empty: leave FIELD unmapped);
                               repeatable
                               (FILE#SHEET names one sheet of a workbook)
  --targets targets.json       targets to judge against (default: the presets)
  --short-abandon-seconds N    ignore abandoned calls that waited less than N s
  --callback-days N            callback window in days (default 7)
  --service-level-seconds N    service level: answered within N s (default 20)
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
            match crate::report::run(&mut parser) {
                Ok(json) => {
                    // A closed pipe (e.g. `| head`) is not an error worth a panic.
                    let _ = writeln!(std::io::stdout().lock(), "{json}");
                    0
                }
                Err(e @ crate::report::ReportError::Usage(_)) => {
                    eprintln!("telesales-kpi: {e}\n\n{USAGE}");
                    2
                }
                Err(e) => {
                    eprintln!("telesales-kpi: {e}");
                    2
                }
            }
        }
        Ok(Some(lexopt::Arg::Value(cmd))) if cmd == "demo" => demo(&mut parser),
        Ok(Some(lexopt::Arg::Value(cmd))) if cmd == "generate" => generate(&mut parser),
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

/// Today's date at UTC+07:00 (the report's default offset), from the clock.
fn today() -> telesales_kpi::domain::model::time::Day {
    use telesales_kpi::domain::model::time::{Day, DAY_MS};
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0));
    Day::of(ms + 7 * DAY_MS / 24)
}

/// `demo DIR [--today YYYY-MM-DD]`: writes the demo files (the same the page
/// loads on that day) into DIR.
fn demo(parser: &mut lexopt::Parser) -> i32 {
    use telesales_kpi::domain::model::time::Day;
    let mut dir = None;
    let mut day = None;
    loop {
        match parser.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("today"))) => {
                let text = parser.value().ok().and_then(|v| v.into_string().ok());
                day = text.as_deref().and_then(Day::parse_iso);
                if day.is_none() {
                    eprintln!("telesales-kpi: demo: --today wants a date YYYY-MM-DD");
                    return 2;
                }
            }
            Ok(Some(lexopt::Arg::Value(v))) if dir.is_none() => {
                dir = Some(std::path::PathBuf::from(v));
            }
            Ok(Some(other)) => {
                eprintln!("telesales-kpi: unexpected {}\n\n{USAGE}", describe(&other));
                return 2;
            }
            Err(e) => {
                eprintln!("telesales-kpi: {e}\n\n{USAGE}");
                return 2;
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("telesales-kpi: demo needs a directory\n\n{USAGE}");
        return 2;
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("telesales-kpi: {}: {e}", dir.display());
        return 2;
    }
    for (name, bytes) in telesales_kpi::domain::synth::demo_files(day.unwrap_or_else(today)) {
        let path = dir.join(&name);
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("telesales-kpi: {}: {e}", path.display());
            return 2;
        }
        println!("{}", path.display());
    }
    0
}

/// `generate ROWS FILE [--messy]`: a deterministic synthetic calls CSV.
fn generate(parser: &mut lexopt::Parser) -> i32 {
    let mut positional = Vec::new();
    let mut messy = false;
    loop {
        match parser.next() {
            Ok(None) => break,
            Ok(Some(lexopt::Arg::Long("messy"))) => messy = true,
            Ok(Some(lexopt::Arg::Value(v))) => positional.push(v),
            Ok(Some(other)) => {
                eprintln!("telesales-kpi: unexpected {}\n\n{USAGE}", describe(&other));
                return 2;
            }
            Err(e) => {
                eprintln!("telesales-kpi: {e}\n\n{USAGE}");
                return 2;
            }
        }
    }
    let [rows, file] = positional.as_slice() else {
        eprintln!("telesales-kpi: generate wants ROWS FILE\n\n{USAGE}");
        return 2;
    };
    let Some(rows) = rows.to_str().and_then(|r| r.parse::<usize>().ok()) else {
        eprintln!("telesales-kpi: generate: ROWS must be a whole number");
        return 2;
    };
    let bytes = if messy {
        telesales_kpi::domain::synth::messy_calls_csv(rows, 7)
    } else {
        telesales_kpi::domain::synth::canonical_calls_csv(rows, 7)
    };
    if let Err(e) = std::fs::write(file, bytes) {
        eprintln!(
            "telesales-kpi: {}: {e}",
            std::path::Path::new(file).display()
        );
        return 2;
    }
    0
}

fn describe(arg: &lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("option -{c}"),
        lexopt::Arg::Long(l) => format!("option --{l}"),
        lexopt::Arg::Value(v) => format!("argument {}", v.to_string_lossy()),
    }
}
