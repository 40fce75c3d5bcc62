//! Times what the worker does for one view of a calls file (report, series,
//! run-up, talk-time counts, names) and a drill-down page, after reading it.
//!
//! Run: `cargo run --profile bench-native --example bench_view FILE.csv`

use std::time::Instant;

use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::{Filter, KpiId};
use telesales_kpi::protocol::{encode, DrillRequest, FileChoices, ViewRequest};
use telesales_kpi::worker::session::{Session, TextRead};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_view FILE.csv");
        return;
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let mut s = Session::new();
    let t = Instant::now();
    let mut read = TextRead::start(
        &path,
        &bytes[..bytes.len().min(1 << 20)],
        s.read_settings(),
        FileChoices::default(),
        None,
    );
    for chunk in bytes[bytes.len().min(1 << 20)..].chunks(1 << 20) {
        read.feed(chunk);
    }
    while let Some(offset) = read.end_pass() {
        read.feed(&bytes[offset as usize..]);
    }
    s.add_text(&path, read.finish());
    println!("read: {:.0} ms", ms(t));
    let t = Instant::now();
    let engine = s.engine();
    println!("engine: {:.0} ms", ms(t));
    let filter = s.resolve(&Filter::default());
    let targets = Targets::presets();
    for (name, f) in [
        (
            "report",
            Box::new(|| {
                std::hint::black_box(engine.report(&filter, &targets));
            }) as Box<dyn Fn()>,
        ),
        (
            "series",
            Box::new(|| {
                std::hint::black_box(engine.series(&filter, &targets));
            }),
        ),
        (
            "run_up",
            Box::new(|| {
                std::hint::black_box(engine.run_up(&filter, &targets));
            }),
        ),
        (
            "talk",
            Box::new(|| {
                std::hint::black_box(engine.talk_minutes(&filter));
            }),
        ),
        (
            "names",
            Box::new(|| {
                std::hint::black_box((
                    engine.agent_names(),
                    engine.campaign_names(),
                    engine.dataset().roster_display(),
                ));
            }),
        ),
    ] {
        let t = Instant::now();
        for _ in 0..5 {
            f();
        }
        println!("{name}: {:.1} ms", ms(t) / 5.0);
    }
    let request = ViewRequest {
        seq: 1,
        filter: Filter::default(),
        targets,
        chart: KpiId::CallConnectionRate,
    };
    let t = Instant::now();
    let view = s.view(&request);
    println!("view: {:.1} ms", ms(t));
    let t = Instant::now();
    let text = encode(&telesales_kpi::protocol::Response::View(Box::new(view)));
    println!("encode: {:.1} ms, {} bytes", ms(t), text.len());
    let drill = DrillRequest {
        seq: 1,
        filter: Filter::default(),
        kpi: KpiId::CallConnectionRate,
        agent: None,
        sort: None,
        offset: 0,
        limit: 50,
    };
    let t = Instant::now();
    let page = s.drill(&drill);
    println!("drill first page: {:.1} ms ({} records)", ms(t), page.count);
}
