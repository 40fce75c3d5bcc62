//! The whole JSON of one small report, written out by hand (the presets
//! judge it: every `target` is the whole team's, none for an agent's
//! `monthly_sales`).

mod kpi_support;

use kpi_support::{report, B, C, D, L};
use serde_json::{json, Value};
use telesales_kpi::domain::kpi::Filter;
use telesales_kpi::domain::model::CallStatus;

#[test]
fn golden_report_json() {
    let mut b = B::new();
    b.call(C {
        agent: "A",
        at: "2026-10-01 09:00",
        talk: Some(90.0),
        phone: Some("p1"),
        ..C::default()
    })
    .call(C {
        agent: "A",
        at: "2026-10-02 09:00",
        status: Some(CallStatus::NoAnswer),
        phone: Some("p2"),
        ..C::default()
    })
    .deal(D {
        agent: "A",
        closed: Some("2026-10-01 12:00"),
        amount: 1000.0,
        cost: Some(400.0),
        upsell: Some(true),
        new_customer: Some(true),
        phone: Some("p1"),
        ..D::default()
    })
    .lead(L {
        lead: Some("L1"),
        phone: Some("p1"),
        agent: Some("A"),
        at: "2026-10-01 08:00",
        ..L::default()
    });
    let r = report(&b.data(), &Filter::default());

    // Two days (10-01, 10-02); the previous period (09-29, 09-30) is empty.
    // Monthly target 5e8 pro-rated over two October days.
    let attainment = 1000.0 / (5e8 / 31.0 + 5e8 / 31.0);
    let kpis = |team: bool| {
        json!({
            "average_purchase_value": {"value": 1000.0, "numerator": 1000.0, "denominator": 1.0, "previous": null, "target": {"comparator": "at_least", "value": 850_000.0, "value_max": null}, "status": "missed"},
            "revenue_per_call": {"value": 500.0, "numerator": 1000.0, "denominator": 2.0, "previous": null, "target": {"comparator": "at_least", "value": 25_000.0, "value_max": null}, "status": "missed"},
            "incremental_sales": {"value": null, "numerator": null, "denominator": null, "previous": null, "target": {"comparator": "at_least", "value": 0.15, "value_max": null}, "status": "none", "lift": null, "new_customers": null},
            "sales_opportunities": {"value": 1.0, "numerator": null, "denominator": null, "previous": 0.0, "target": {"comparator": "at_least", "value": 40.0, "value_max": null}, "status": "missed", "per_week": 3.5},
            "call_connection_rate": {"value": 0.5, "numerator": 1.0, "denominator": 2.0, "previous": null, "target": {"comparator": "at_least", "value": 0.6, "value_max": null}, "status": "missed"},
            "upselling_rate": {"value": 1.0, "numerator": 1.0, "denominator": 1.0, "previous": null, "target": {"comparator": "at_least", "value": 0.25, "value_max": null}, "status": "met"},
            "average_response_time": {"value": 3600.0, "numerator": 3600.0, "denominator": 1.0, "previous": null, "target": {"comparator": "at_most", "value": 7200.0, "value_max": null}, "status": "met", "within_2h": 1.0, "uncontacted": 0.0},
            "opportunity_win_ratio": {"value": 1.0, "numerator": 1.0, "denominator": 1.0, "previous": null, "target": {"comparator": "at_least", "value": 0.3, "value_max": null}, "status": "met", "value_ratio": 1.0},
            "profit_margin": {"value": 0.6, "numerator": 600.0, "denominator": 1000.0, "previous": null, "target": {"comparator": "at_least", "value": 0.2, "value_max": null}, "status": "met", "profit": 600.0},
            "lead_conversion_rate": {"value": 1.0, "numerator": 1.0, "denominator": 1.0, "previous": null, "target": {"comparator": "at_least", "value": 0.15, "value_max": null}, "status": "met", "avg_days_to_convert": 4.0 / 24.0},
            "call_abandonment_rate": {"value": null, "numerator": 0.0, "denominator": 0.0, "previous": null, "target": {"comparator": "at_most", "value": 0.05, "value_max": null}, "status": "none", "avg_wait_seconds": null, "service_level": null, "called_back": null},
            "monthly_sales": {"value": 1000.0, "numerator": null, "denominator": null, "previous": 0.0,
                "target": if team { json!({"comparator": "at_least", "value": 500_000_000.0, "value_max": null}) } else { Value::Null }, "status": if team { "missed" } else { "none" },
                "attainment": if team { json!(attainment) } else { Value::Null }, "transactions": 1.0,
                // D = 10-02: 1000 × 31 / 2.
                "forecast": 15_500.0, "forecast_attainment": if team { json!(15_500.0 / 5e8) } else { Value::Null }},
            "outbound_calls_per_day": {"value": 1.0, "numerator": 2.0, "denominator": 2.0, "previous": null, "target": {"comparator": "at_least", "value": 80.0, "value_max": null}, "status": "missed"},
            "average_talk_time": {"value": 90.0, "numerator": 90.0, "denominator": 1.0, "previous": null, "target": {"comparator": "between", "value": 240.0, "value_max": 360.0}, "status": "missed", "under_2min": 1.0},
            "callback_rate": {"value": 0.0, "numerator": 0.0, "denominator": 2.0, "previous": null, "target": {"comparator": "at_least", "value": 0.2, "value_max": null}, "status": "missed"}
        })
    };
    // 2026-10-01 is a Thursday (4), 10-02 a Friday (5): one call at 9 each.
    let hours: Vec<Value> = (1..=7)
        .flat_map(|w| (0..24).map(move |h| (w, h)))
        .map(|(w, h)| {
            let (calls, connected) = match (w, h) {
                (4, 9) => (1, 1),
                (5, 9) => (1, 0),
                _ => (0, 0),
            };
            json!({"weekday": w, "hour": h, "calls": calls, "connected": connected})
        })
        .collect();
    let zero = json!({"connected": 0, "no_answer": 0, "busy": 0, "failed": 0, "voicemail": 0, "abandoned": 0, "other": 0});
    let mut outbound = zero.clone();
    outbound["connected"] = json!(1);
    outbound["no_answer"] = json!(1);
    let suggested: serde_json::Map<String, Value> = telesales_kpi::domain::kpi::KpiId::ALL
        .iter()
        .map(|id| (id.as_str().to_owned(), Value::Null))
        .collect();
    let expected = json!({
        "period": {"from": "2026-10-01", "to": "2026-10-02"},
        "kpis": kpis(true),
        "agents": {"A": kpis(false)},
        "hours": hours,
        "statuses": {"outbound": outbound, "inbound": zero},
        // A's statuses above: 5 met, 7 missed (its monthly_sales has no target).
        "ranking": [{"agent": "A", "met": 5, "near": 0, "missed": 7}],
        // One agent: no percentile.
        "suggested_targets": suggested
    });
    assert_eq!(r.to_json(), expected);
}
