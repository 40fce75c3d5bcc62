//! The analyses' charts render natively as SVG: the weekday × hour heat map
//! (counts, few-call cells marked, escaped labels) and the status breakdown.

use telesales_kpi::chart::{draw_heatmap, draw_statuses, svg, HeatCell, HeatMap, StatusBars};

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

fn heatmap() -> HeatMap {
    let mut cells = Vec::new();
    for weekday in 0..7u8 {
        for hour in 0..24u8 {
            let count = u64::from(hour) * 3 + u64::from(weekday);
            cells.push(HeatCell {
                weekday,
                hour,
                rate: (count > 0).then(|| f64::from(hour) / 23.0),
                calls: count,
                few: count < 5,
            });
        }
    }
    HeatMap {
        title: "Best time to call".into(),
        weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", HOSTILE].map(String::from),
        x_label: "Hour".into(),
        cells,
        legend: (
            "colour: connection rate".into(),
            "hatched: fewer than 5 calls".into(),
        ),
    }
}

#[test]
fn the_heat_map_labels_rows_cells_and_the_legend() {
    let text = svg((720, 320), |a| draw_heatmap(&a, &heatmap())).expect("draw");
    for part in [
        "Best time to call",
        "Hour",
        "Mon",
        "Fri",
        "72",
        "hatched: fewer than 5 calls",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
    assert!(!text.contains(HOSTILE), "a label is escaped");
    assert!(text.contains("&lt;img"), "escaped label present");
    // 168 cells drawn.
    assert!(text.matches("<rect").count() >= 168);
}

#[test]
fn the_status_breakdown_has_both_directions_and_a_legend() {
    let bars = StatusBars {
        title: "Calls by status".into(),
        statuses: [
            "connected",
            "no answer",
            "busy",
            "failed",
            "voicemail",
            "abandoned",
            HOSTILE,
        ]
        .map(String::from),
        bars: vec![
            ("Outbound".into(), [60, 30, 5, 2, 3, 0, 0]),
            ("Inbound".into(), [90, 0, 0, 0, 0, 10, 0]),
        ],
        x_label: "share of calls".into(),
    };
    let text = svg((720, 320), |a| draw_statuses(&a, &bars)).expect("draw");
    for part in [
        "Calls by status",
        "Outbound (100)",
        "Inbound (100)",
        "connected",
        "abandoned",
        "40%",
    ] {
        assert!(text.contains(part), "missing {part:?}");
    }
    assert!(!text.contains(HOSTILE));
}
