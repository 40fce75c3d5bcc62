//! Charts render natively as SVG, with titles, axis labels and escaped text.

use telesales_kpi::chart::{
    draw_bars, draw_histogram, draw_runup, draw_trend, svg, Bars, Histogram, RunUp, TargetLine,
    Trend,
};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

fn trend() -> Trend {
    Trend {
        title: "Call connection rate".into(),
        x_label: "Day".into(),
        y_label: "Connected (%)".into(),
        points: vec![
            ("2026-10-01".into(), Some(0.5)),
            ("2026-10-02".into(), None),
            ("2026-10-03".into(), Some(0.7)),
        ],
        target: TargetLine {
            min: Some(0.6),
            max: None,
        },
        series_label: "Team".into(),
        target_label: "Target".into(),
        format: pct,
    }
}

#[test]
fn trend_has_title_axes_and_target() {
    let text = svg((720, 320), |a| draw_trend(&a, &trend())).expect("draw");
    for part in [
        "Call connection rate",
        "Day",
        "Connected (%)",
        "Target",
        "2026-10-01",
        "60%",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
}

#[test]
fn hostile_agent_names_are_escaped() {
    let bars = Bars {
        title: "Calls per agent".into(),
        x_label: "Agent".into(),
        y_label: "calls/day".into(),
        bars: vec![(HOSTILE.into(), 12.0), ("Budi & Sari".into(), 8.0)],
        target: TargetLine {
            min: Some(10.0),
            max: None,
        },
        format: |v| format!("{v:.0}"),
    };
    let text = svg((720, 320), |a| draw_bars(&a, &bars)).expect("draw");
    assert!(!text.contains("<img"), "raw markup leaked into the SVG");
    assert!(text.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(text.contains("Budi &amp; Sari"));
}

#[test]
fn histogram_and_runup_draw() {
    let hist = Histogram {
        title: "Talk time".into(),
        x_label: "Minutes".into(),
        y_label: "Calls".into(),
        bucket_minutes: 1.0,
        counts: vec![3, 5, 8, 13, 8, 5, 2],
        band: Some((4.0, 6.0)),
    };
    let text = svg((720, 320), |a| draw_histogram(&a, &hist)).expect("draw");
    assert!(text.contains("Talk time") && text.contains("Minutes"));
    let run = RunUp {
        title: "Monthly sales".into(),
        x_label: "Day".into(),
        y_label: "IDR".into(),
        days: vec![
            ("1".into(), Some(10.0), Some(16.1)),
            ("2".into(), Some(30.0), Some(32.2)),
            ("3".into(), None, Some(48.3)),
        ],
        forecast: Some(((1.0, 30.0), (2.0, 45.0))),
        forecast_label: "Forecast".into(),
        series_label: "Sales".into(),
        target_label: "Pro-rated target".into(),
        format: |v| format!("{v:.0}"),
    };
    let text = svg((720, 320), |a| draw_runup(&a, &run)).expect("draw");
    assert!(text.contains("Pro-rated target") && text.contains("Forecast"));
}

#[test]
fn empty_data_still_draws() {
    let mut t = trend();
    t.points.clear();
    assert!(svg((300, 200), |a| draw_trend(&a, &t)).is_ok());
}
