//! Targets: presets, the status table, precedence, pro-rating of the monthly
//! target, and the targets file (round trip and errors).

mod kpi_support;

use kpi_support::{period, report_with, B, C, D};
use telesales_kpi::domain::kpi::targets::{
    status, Comparator as Cmp, Scope, Status, Target, Targets, TargetsError,
};
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{prorate, KpiId as K, Period, Settings};

#[test]
fn presets_match_the_article() {
    let p = Targets::presets();
    let expect: [(K, Cmp, f64, Option<f64>); 15] = [
        (K::AveragePurchaseValue, Cmp::AtLeast, 850_000.0, None),
        (K::RevenuePerCall, Cmp::AtLeast, 25_000.0, None),
        (K::IncrementalSales, Cmp::AtLeast, 0.15, None),
        (K::SalesOpportunities, Cmp::AtLeast, 40.0, None),
        (K::CallConnectionRate, Cmp::AtLeast, 0.6, None),
        (K::UpsellingRate, Cmp::AtLeast, 0.25, None),
        (K::AverageResponseTime, Cmp::AtMost, 7200.0, None),
        (K::OpportunityWinRatio, Cmp::AtLeast, 0.3, None),
        (K::ProfitMargin, Cmp::AtLeast, 0.2, None),
        (K::LeadConversionRate, Cmp::AtLeast, 0.15, None),
        (K::CallAbandonmentRate, Cmp::AtMost, 0.05, None),
        (K::MonthlySales, Cmp::AtLeast, 500_000_000.0, None),
        (K::OutboundCallsPerDay, Cmp::AtLeast, 80.0, None),
        (K::AverageTalkTime, Cmp::Between, 240.0, Some(360.0)),
        (K::CallbackRate, Cmp::AtLeast, 0.2, None),
    ];
    assert_eq!(p.targets.len(), 15);
    for (kpi, comparator, value, value_max) in expect {
        let t = p.for_scope(kpi, None, None).expect("preset");
        assert_eq!(
            (t.comparator, t.value, t.value_max, &t.scope),
            (comparator, value, value_max, &Scope::Team),
            "{}",
            kpi.as_str()
        );
    }
}

#[test]
fn status_table() {
    let t = |c, v, m| Target::team(K::CallbackRate, c, v, m);
    let cases = [
        (Cmp::AtLeast, 100.0, None, Some(100.0), Status::Met),
        (Cmp::AtLeast, 100.0, None, Some(90.0), Status::Near),
        (Cmp::AtLeast, 100.0, None, Some(89.9), Status::Missed),
        (Cmp::AtLeast, -100.0, None, Some(-110.0), Status::Near),
        (Cmp::AtLeast, -100.0, None, Some(-110.1), Status::Missed),
        (Cmp::AtMost, 100.0, None, Some(100.0), Status::Met),
        (Cmp::AtMost, 100.0, None, Some(110.0), Status::Near),
        (Cmp::AtMost, 100.0, None, Some(110.1), Status::Missed),
        (Cmp::AtMost, 0.0, None, Some(0.0), Status::Met),
        (Cmp::AtMost, 0.0, None, Some(0.001), Status::Missed),
        (Cmp::Between, 240.0, Some(360.0), Some(240.0), Status::Met),
        (Cmp::Between, 240.0, Some(360.0), Some(360.0), Status::Met),
        (Cmp::Between, 240.0, Some(360.0), Some(216.0), Status::Near),
        (
            Cmp::Between,
            240.0,
            Some(360.0),
            Some(215.0),
            Status::Missed,
        ),
        (Cmp::Between, 240.0, Some(360.0), Some(396.0), Status::Near),
        (
            Cmp::Between,
            240.0,
            Some(360.0),
            Some(397.0),
            Status::Missed,
        ),
        (Cmp::AtLeast, 1.0, None, None, Status::None),
    ];
    for (c, v, m, value, expected) in cases {
        assert_eq!(
            status(value, Some(&t(c, v, m)), 0.1),
            expected,
            "{c:?} {v} {m:?} {value:?}"
        );
    }
    assert_eq!(status(Some(1.0), None, 0.1), Status::None);
    assert_eq!(
        status(Some(0.95), Some(&t(Cmp::AtLeast, 1.0, None)), 0.0),
        Status::Missed
    );
}

#[test]
fn precedence_agent_then_roster_team_then_team() {
    let mut t = Targets::presets();
    t.targets.push(Target {
        scope: Scope::RosterTeam("North".into()),
        ..Target::team(K::CallbackRate, Cmp::AtLeast, 0.5, None)
    });
    t.targets.push(Target {
        scope: Scope::Agent("budi".into()),
        ..Target::team(K::CallbackRate, Cmp::AtLeast, 0.9, None)
    });
    t.targets.push(Target {
        scope: Scope::RosterTeam("North".into()),
        ..Target::team(K::MonthlySales, Cmp::AtLeast, 1.0, None)
    });
    let cases = [
        (Some("budi"), Some("North"), K::CallbackRate, Some(0.9)),
        (Some("eko"), Some("North"), K::CallbackRate, Some(0.5)),
        (Some("sari"), Some("South"), K::CallbackRate, Some(0.2)),
        (None, Some("North"), K::CallbackRate, Some(0.5)),
        (None, None, K::CallbackRate, Some(0.2)),
        // monthly_sales: an agent has only its own target
        (Some("eko"), Some("North"), K::MonthlySales, None),
        (None, Some("North"), K::MonthlySales, Some(1.0)),
        (None, Some("South"), K::MonthlySales, Some(5e8)),
    ];
    for (agent, team, kpi, value) in cases {
        assert_eq!(
            t.for_scope(kpi, agent, team).map(|t| t.value),
            value,
            "{agent:?} {team:?} {}",
            kpi.as_str()
        );
    }
}

#[test]
fn monthly_target_is_prorated_day_by_day() {
    let d = kpi_support::day;
    let cases = [
        ("2026-10-01", "2026-10-31", 310.0),
        ("2026-10-01", "2026-10-10", 100.0),
        ("2026-02-01", "2026-02-14", 155.0),
        // 16 days of a 30-day month + 31 days of a 31-day one
        ("2026-11-15", "2026-12-31", 16.0 * 310.0 / 30.0 + 310.0),
    ];
    for (from, to, expected) in cases {
        let got = prorate(
            310.0,
            Period {
                from: d(from),
                to: d(to),
            },
        );
        assert!((got - expected).abs() < 1e-9, "{from}..{to}: {got}");
    }
}

fn judged() -> B {
    let mut b = B::new();
    b.roster("budi", Some("North"), &["1001"])
        .roster("eko", Some("North"), &[]);
    b.call(C {
        agent: "1001",
        at: "2026-10-01",
        ..C::default()
    })
    .call(C {
        agent: "eko",
        at: "2026-10-01",
        status: Some(telesales_kpi::domain::model::CallStatus::Busy),
        ..C::default()
    })
    .deal(D {
        agent: "budi",
        closed: Some("2026-10-05"),
        amount: 100.0,
        ..D::default()
    })
    .deal(D {
        agent: "eko",
        closed: Some("2026-10-06"),
        amount: 60.0,
        ..D::default()
    });
    b
}

#[test]
fn report_statuses_follow_scope_and_precedence() {
    let text = r#"{"version": 1, "targets": [
        {"kpi": "call_connection_rate", "comparator": "at_least", "value": 0.6},
        {"kpi": "call_connection_rate", "comparator": "at_least", "value": 0.4, "team": "North"},
        {"kpi": "call_connection_rate", "comparator": "at_most", "value": 0.5, "agent": "1001"},
        {"kpi": "monthly_sales", "comparator": "at_least", "value": 310},
        {"kpi": "monthly_sales", "comparator": "at_least", "value": 93, "agent": "budi"}
    ]}"#;
    let targets = Targets::from_json(text).expect("targets");
    let s = Settings::default();
    // P = 10 days of October: the monthly targets pro-rate to 100 and 30.
    let f = period("2026-10-01", "2026-10-10");
    let r = report_with(&judged().data(), &f, &s, &targets);
    // Team: 0.5 vs at_least 0.6 → missed (0.5 < 0.54); revenue 160 vs 100 → met.
    assert_eq!(r.kpis.get(K::CallConnectionRate).status, Status::Missed);
    assert_eq!(r.kpis.get(K::MonthlySales).status, Status::Met);
    assert_eq!(r.kpis.get(K::MonthlySales).extra(E::Attainment), Some(1.6));
    // budi (via alias target): 1.0 vs at_most 0.5 → missed; sales 100 vs 30 → met.
    let budi = &r.agents["budi"];
    assert_eq!(budi.get(K::CallConnectionRate).status, Status::Missed);
    assert!((budi.get(K::MonthlySales).extra(E::Attainment).unwrap() - 100.0 / 30.0).abs() < 1e-12);
    // eko: North's 0.4 → 0 missed; no own monthly target → none.
    assert_eq!(
        r.agents["eko"].get(K::CallConnectionRate).status,
        Status::Missed
    );
    assert_eq!(r.agents["eko"].get(K::MonthlySales).status, Status::None);
    // Under --team North: North's target (0.5 ≥ 0.4 → met).
    let mut f2 = f.clone();
    f2.team = Some("North".into());
    let r = report_with(&judged().data(), &f2, &s, &targets);
    assert_eq!(r.kpis.get(K::CallConnectionRate).status, Status::Met);
    // Under --agent 1001: budi's own target → missed (1.0 > 0.55).
    let mut f3 = f.clone();
    f3.agents = vec!["1001".into()];
    let r = report_with(&judged().data(), &f3, &s, &targets);
    assert_eq!(r.kpis.get(K::CallConnectionRate).status, Status::Missed);
    assert_eq!(
        r.kpis.get(K::MonthlySales).extra(E::Attainment),
        Some(100.0 / 30.0)
    );
    // Under --agent eko: North's target (0 < 0.36 → missed); monthly: own only → none.
    let mut f4 = f;
    f4.agents = vec!["eko".into()];
    let r = report_with(&judged().data(), &f4, &s, &targets);
    assert_eq!(r.kpis.get(K::MonthlySales).status, Status::None);
}

#[test]
fn judged_values_of_opportunities_and_incremental_sales() {
    let mut b = B::new();
    b.deal(D {
        agent: "A",
        closed: Some("2026-10-01"),
        amount: 100.0,
        ..D::default()
    })
    .deal(D {
        agent: "A",
        closed: Some("2026-10-03"),
        amount: 110.0,
        ..D::default()
    })
    .campaign("P", "2026-10-03", "2026-10-04");
    let text = r#"{"version":1,"targets":[
        {"kpi":"sales_opportunities","comparator":"at_least","value":3.5},
        {"kpi":"incremental_sales","comparator":"at_least","value":0.11}]}"#;
    let targets = Targets::from_json(text).expect("targets");
    let r = report_with(
        &b.data(),
        &period("2026-10-01", "2026-10-04"),
        &Settings::default(),
        &targets,
    );
    // per_week = 2 × 7 / 4 / 1 = 3.5 → met; lift = 10 / 100 = 0.1 → near (≥ 0.099).
    assert_eq!(r.kpis.get(K::SalesOpportunities).status, Status::Met);
    assert_eq!(r.kpis.get(K::IncrementalSales).status, Status::Near);
    assert_eq!(r.kpis.get(K::AveragePurchaseValue).status, Status::None);
}

#[test]
fn targets_file_round_trip() {
    let mut t = Targets::presets();
    t.targets.push(Target {
        scope: Scope::Agent("budi".into()),
        ..Target::team(K::AverageTalkTime, Cmp::Between, 200.0, Some(300.0))
    });
    t.targets.push(Target {
        scope: Scope::RosterTeam("North".into()),
        ..Target::team(K::MonthlySales, Cmp::AtLeast, 1e8, None)
    });
    let text = t.to_json();
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["version"], 1);
    assert_eq!(v["targets"][15]["agent"], "budi");
    assert_eq!(v["targets"][16]["team"], "North");
    assert_eq!(Targets::from_json(&text), Ok(t));
}

/// The file as the page downloads it, byte for byte: pretty-printed, keys
/// in alphabetical order, a team's target without `agent` or `team`.
#[test]
fn targets_file_is_written_with_its_keys_in_order() {
    let t = Targets {
        targets: vec![
            Target::team(K::UpsellingRate, Cmp::AtLeast, 0.1, None),
            Target {
                scope: Scope::RosterTeam("North".into()),
                ..Target::team(K::AverageTalkTime, Cmp::Between, 200.0, Some(300.0))
            },
        ],
    };
    let expected = r#"{
  "targets": [
    {
      "comparator": "at_least",
      "kpi": "upselling_rate",
      "value": 0.1,
      "value_max": null
    },
    {
      "comparator": "between",
      "kpi": "average_talk_time",
      "team": "North",
      "value": 200.0,
      "value_max": 300.0
    }
  ],
  "version": 1
}"#;
    assert_eq!(t.to_json(), expected);
}

#[test]
fn targets_file_errors() {
    let bad_json = Targets::from_json("{\n  \"version\": 1,\n  \"targets\": [,]\n}");
    assert!(
        matches!(bad_json, Err(TargetsError::BadJson { line: 3, .. })),
        "{bad_json:?}"
    );
    let cases: [(&str, TargetsError); 7] = [
        (
            r#"{"version":2,"targets":[]}"#,
            TargetsError::UnsupportedVersion("2".into()),
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"sales","comparator":"at_least","value":1}]}"#,
            TargetsError::UnknownKpi {
                index: 0,
                kpi: "sales".into(),
            },
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"callback_rate","comparator":"above","value":1}]}"#,
            TargetsError::BadComparator {
                index: 0,
                comparator: "above".into(),
            },
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"callback_rate","comparator":"at_least","value":null}]}"#,
            TargetsError::BadValue {
                index: 0,
                field: "value",
            },
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"callback_rate","comparator":"at_least","value":1},{"kpi":"average_talk_time","comparator":"between","value":1}]}"#,
            TargetsError::BetweenWithoutMax { index: 1 },
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"average_talk_time","comparator":"between","value":5,"value_max":1}]}"#,
            TargetsError::BetweenReversed { index: 0 },
        ),
        (
            r#"{"version":1,"targets":[{"kpi":"callback_rate","comparator":"at_least","value":1,"agent":"a","team":"t"}]}"#,
            TargetsError::AgentAndTeam { index: 0 },
        ),
    ];
    for (text, expected) in cases {
        let got = Targets::from_json(text);
        assert_eq!(got.as_ref().err(), Some(&expected), "{text}");
        assert!(!expected.to_string().is_empty());
    }
    let empty = Targets::from_json(r#"{"version":1,"targets":[]}"#).expect("empty");
    assert!(empty.targets.is_empty());
}
