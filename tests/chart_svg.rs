//! Charts render natively as SVG: titles, axis labels in the reader's locale,
//! escaped text, readable font sizes, few-record points drawn apart, and one
//! colour per roster team in every chart.

use std::sync::Arc;

use telesales_kpi::chart::{
    draw_bars, draw_histogram, draw_runup, draw_trend, size_for, svg, Bar, Bars, Histogram, RunUp,
    SeriesColour, TargetLine, Trend, TrendPoint,
};
use telesales_kpi::domain::kpi::{few_records, KpiId};
use telesales_kpi::present::axis::{count_axis, kpi_axis};
use telesales_kpi::present::format::Currency;
use telesales_kpi::present::i18n::Lang;

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

fn point(label: &str, value: Option<f64>, few: bool) -> TrendPoint {
    TrendPoint {
        label: label.into(),
        value,
        few,
    }
}

fn trend() -> Trend {
    Trend {
        title: "Call connection rate".into(),
        x_label: "Day".into(),
        y_label: "Connected (%)".into(),
        points: vec![
            point("Oct 1", Some(0.5), false),
            point("Oct 2", None, false),
            point("Oct 3", Some(0.7), false),
            point("Oct 4", Some(1.0), true),
            point("Oct 5", Some(0.62), false),
        ],
        target: TargetLine {
            min: Some(0.6),
            max: None,
        },
        series_label: "Team".into(),
        colour: SeriesColour::Team(1),
        target_label: "Target".into(),
        few_label: "few calls".into(),
        format: Arc::new(kpi_axis(
            KpiId::CallConnectionRate,
            Currency::default(),
            Lang::En,
        )),
    }
}

/// Every `font-size` of the SVG, in px.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|v| v.trim_end_matches("px").parse().ok())
        .collect()
}

#[test]
fn trend_has_title_axes_target_and_locale_ticks() {
    let text = svg((720, 320), |a| draw_trend(&a, &trend())).expect("draw");
    for part in [
        "Call connection rate",
        "Day",
        "Connected (%)",
        "Target",
        "Oct 1",
        "60%",
        "few calls",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
    assert!(text.contains("viewBox=\"0 0 720 320\""));
}

#[test]
fn every_text_is_at_least_12_px() {
    let bars = bars_fixture();
    let hist = histogram_fixture();
    let run = runup_fixture();
    for (w, h) in [size_for(320), size_for(700), (1200, 380)] {
        for text in [
            svg((w, h), |a| draw_trend(&a, &trend())).expect("trend"),
            svg((w, h), |a| draw_bars(&a, &bars)).expect("bars"),
            svg((w, h), |a| draw_histogram(&a, &hist)).expect("histogram"),
            svg((w, h), |a| draw_runup(&a, &run)).expect("runup"),
        ] {
            let sizes = font_sizes(&text);
            assert!(!sizes.is_empty());
            assert!(sizes.iter().all(|s| *s >= 12.0), "{sizes:?}");
        }
    }
}

#[test]
fn few_record_points_are_hollow_and_break_the_line() {
    let text = svg((720, 320), |a| draw_trend(&a, &trend())).expect("draw");
    // The muted ring of the few-record point (and its legend), not filled.
    let rings = text.matches("stroke=\"#707A8A\"").count();
    assert!(rings >= 2, "few-record ring and its legend: {rings}");
    // Without the flag, the 100 % point becomes part of the line.
    let mut all_solid = trend();
    for p in &mut all_solid.points {
        p.few = false;
    }
    let solid = svg((720, 320), |a| draw_trend(&a, &all_solid)).expect("draw");
    assert!(!solid.contains("few calls"));
    // The few-record point splits the line: one more line segment.
    let lines = |svg: &str| {
        let colour = SeriesColour::Team(1).css().to_ascii_uppercase();
        svg.split("<polyline")
            .skip(1)
            .filter(|p| {
                p.split('>')
                    .next()
                    .is_some_and(|tag| tag.to_ascii_uppercase().contains(&colour))
            })
            .count()
    };
    assert_eq!(lines(&solid) + 1, lines(&text));
}

#[test]
fn few_records_flags_thin_buckets() {
    let cases: [(&[Option<u64>], &[bool]); 4] = [
        (&[Some(100), Some(90), Some(9)], &[false, false, true]),
        (&[Some(100), Some(110), Some(20)], &[false, false, true]),
        (&[Some(12), Some(11), None], &[false, false, false]),
        (&[], &[]),
    ];
    for (counts, want) in cases {
        assert_eq!(few_records(counts), want, "{counts:?}");
    }
}

fn bars_fixture() -> Bars {
    Bars {
        title: "Calls per agent".into(),
        x_label: "calls/day".into(),
        bars: vec![
            Bar {
                label: HOSTILE.into(),
                value: 12.0,
                colour: SeriesColour::Team(0),
            },
            Bar {
                label: "Budi & Sari".into(),
                value: 8.0,
                colour: SeriesColour::Team(1),
            },
            Bar {
                label: "A very long agent name that goes on".into(),
                value: 9.0,
                colour: SeriesColour::Team(1),
            },
        ],
        legend: vec![
            ("Bandung".into(), SeriesColour::Team(0)),
            ("Jakarta".into(), SeriesColour::Team(1)),
        ],
        target: TargetLine {
            min: Some(10.0),
            max: None,
        },
        target_label: "target".into(),
        format: Arc::new(count_axis(Lang::En)),
    }
}

#[test]
fn hostile_agent_names_are_escaped() {
    let text = svg((720, 320), |a| draw_bars(&a, &bars_fixture())).expect("draw");
    assert!(!text.contains("<img"), "raw markup leaked into the SVG");
    assert!(
        text.contains("&lt;img src=x onerror"),
        "escaped, then shortened"
    );
    assert!(text.contains("Budi &amp; Sari"));
    assert!(text.contains("A very long agent n…"));
}

#[test]
fn a_team_has_one_colour_in_every_chart() {
    let jakarta = SeriesColour::Team(1).css().to_ascii_uppercase();
    let bars = svg((720, 320), |a| draw_bars(&a, &bars_fixture())).expect("bars");
    let trend = svg((720, 320), |a| draw_trend(&a, &trend())).expect("trend");
    let mut hist = histogram_fixture();
    hist.colour = SeriesColour::Team(1);
    let hist = svg((720, 320), |a| draw_histogram(&a, &hist)).expect("histogram");
    for text in [&bars, &trend, &hist] {
        assert!(
            text.to_ascii_uppercase().contains(&jakarta),
            "{jakarta} missing"
        );
    }
    assert_ne!(SeriesColour::Team(0).css(), SeriesColour::Team(1).css());
    assert_ne!(SeriesColour::Whole.css(), SeriesColour::Team(0).css());
}

fn histogram_fixture() -> Histogram {
    Histogram {
        title: "Talk time".into(),
        x_label: "Minutes".into(),
        y_label: "Calls".into(),
        bucket_minutes: 1.0,
        counts: vec![3, 5, 8, 13, 8, 5, 2_500],
        band: Some((4.0, 6.0)),
        colour: SeriesColour::Whole,
        format: Arc::new(count_axis(Lang::Id)),
    }
}

fn runup_fixture() -> RunUp {
    RunUp {
        title: "Monthly sales".into(),
        x_label: "Day".into(),
        y_label: "IDR".into(),
        days: vec![
            ("1 Nov".into(), Some(10e6), Some(16.1e6)),
            ("2 Nov".into(), Some(30e6), Some(32.2e6)),
            ("3 Nov".into(), None, Some(48.3e6)),
        ],
        forecast: Some(((1.0, 30e6), (2.0, 45e6))),
        forecast_label: "Forecast".into(),
        series_label: "Sales".into(),
        colour: SeriesColour::Whole,
        target_label: "Pro-rated target".into(),
        format: Arc::new(kpi_axis(KpiId::MonthlySales, Currency::default(), Lang::Id)),
    }
}

#[test]
fn histogram_and_runup_draw_with_locale_ticks() {
    let text = svg((720, 320), |a| draw_histogram(&a, &histogram_fixture())).expect("draw");
    assert!(text.contains("Talk time") && text.contains("Minutes"));
    assert!(text.contains("2.500"), "Indonesian grouping");
    let text = svg((720, 320), |a| draw_runup(&a, &runup_fixture())).expect("draw");
    assert!(text.contains("Pro-rated target") && text.contains("Forecast"));
    assert!(
        text.contains(" jt<") || text.contains(" jt\n"),
        "amounts in juta"
    );
}

#[test]
fn empty_data_still_draws() {
    let mut t = trend();
    t.points.clear();
    assert!(svg((300, 200), |a| draw_trend(&a, &t)).is_ok());
    let mut b = bars_fixture();
    b.bars.clear();
    assert!(svg((300, 200), |a| draw_bars(&a, &b)).is_ok());
}
