//! ANALYSES.md by hand: service level, called back, forecast, percentiles
//! of the suggested targets, ranking ties, hours and statuses.
#![allow(clippy::type_complexity)] // the case tables

mod kpi_support;

use kpi_support::{check, period, report, report_with, B, C, D};
use telesales_kpi::domain::kpi::targets::{Comparator, Scope, Target, Targets};
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{percentile, KpiId as K, Settings};
use telesales_kpi::domain::model::CallStatus as S;

fn inbound(at: &str, status: S, wait: Option<f64>) -> C<'_> {
    C {
        agent: "A",
        at,
        inbound: true,
        status: Some(status),
        wait,
        phone: Some("p1"),
        ..C::default()
    }
}

#[test]
fn service_level_counts_offered_calls_with_a_wait() {
    // (calls as (status, wait), S, short-abandon, expected service level)
    let cases: &[(&[(S, Option<f64>)], f64, f64, Option<f64>)] = &[
        (
            &[(S::Connected, Some(10.0)), (S::Connected, Some(30.0))],
            20.0,
            0.0,
            Some(0.5),
        ),
        (&[(S::Connected, Some(20.0))], 20.0, 0.0, Some(1.0)),
        (
            &[(S::Connected, Some(10.0)), (S::Abandoned, Some(5.0))],
            20.0,
            0.0,
            Some(0.5),
        ),
        // The abandoned call under the short-abandon rule is not offered.
        (
            &[(S::Connected, Some(10.0)), (S::Abandoned, Some(5.0))],
            20.0,
            6.0,
            Some(1.0),
        ),
        // Offered calls without a wait are in neither term.
        (
            &[(S::Connected, None), (S::Connected, Some(25.0))],
            20.0,
            0.0,
            Some(0.0),
        ),
        (&[(S::Connected, None)], 20.0, 0.0, None),
        // Not offered: no answer is neither connected nor abandoned.
        (&[(S::NoAnswer, Some(3.0))], 20.0, 0.0, None),
        (&[(S::Connected, Some(25.0))], 30.0, 0.0, Some(1.0)),
    ];
    for (i, &(calls, sl, short, expected)) in cases.iter().enumerate() {
        let mut b = B::new();
        let stamps = ["2026-10-01 09:00", "2026-10-01 10:00", "2026-10-01 11:00"];
        for (k, &(status, wait)) in calls.iter().enumerate() {
            b.call(inbound(stamps[k], status, wait));
        }
        let settings = Settings {
            service_level_seconds: sl,
            short_abandon_seconds: short,
            ..Settings::default()
        };
        let r = report_with(
            &b.data(),
            &period("2026-10-01", "2026-10-31"),
            &settings,
            &Targets::presets(),
        );
        assert_eq!(
            r.kpis.get(K::CallAbandonmentRate).extra(E::ServiceLevel),
            expected,
            "case {i}"
        );
    }
}

#[test]
fn called_back_is_an_outbound_call_strictly_after_within_the_window() {
    // (outbound call: at, lead, phone; expected called_back of the abandoned call)
    // The abandoned call: 2026-10-01 09:00, lead L1, phone p1.
    let cases: &[(Option<(&str, Option<&str>, Option<&str>)>, Option<f64>)] = &[
        (None, Some(0.0)),
        (Some(("2026-10-01 09:30", Some("L1"), None)), Some(1.0)),
        // Same instant: not strictly after.
        (Some(("2026-10-01 09:00", Some("L1"), None)), Some(0.0)),
        (Some(("2026-10-01 08:59", Some("L1"), None)), Some(0.0)),
        // Exactly 7 days later counts; a second more does not.
        (Some(("2026-10-08 09:00", Some("L1"), None)), Some(1.0)),
        (Some(("2026-10-08 09:00:01", Some("L1"), None)), Some(0.0)),
        // Both have a lead id: the lead ids must match, the phone does not count.
        (
            Some(("2026-10-01 10:00", Some("L2"), Some("p1"))),
            Some(0.0),
        ),
        // The outbound call has no lead id: linked by phone.
        (Some(("2026-10-01 10:00", None, Some("p1"))), Some(1.0)),
        (Some(("2026-10-01 10:00", None, Some("p2"))), Some(0.0)),
    ];
    for (i, &(out, expected)) in cases.iter().enumerate() {
        let mut b = B::new();
        b.call(C {
            lead: Some("L1"),
            ..inbound("2026-10-01 09:00", S::Abandoned, Some(30.0))
        });
        if let Some((at, lead, phone)) = out {
            // Another agent, another campaign, any status: still a callback.
            b.call(C {
                agent: "Z",
                at,
                status: Some(S::NoAnswer),
                lead,
                phone,
                campaign: Some("K9"),
                ..C::default()
            });
        }
        let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
        let v = r.kpis.get(K::CallAbandonmentRate);
        assert_eq!(v.extra(E::CalledBack), expected, "case {i}");
        assert_eq!(
            r.agents["A"]
                .get(K::CallAbandonmentRate)
                .extra(E::CalledBack),
            expected,
            "agent, case {i}"
        );
    }
}

#[test]
fn called_back_counts_only_abandoned_calls_with_a_key() {
    let mut b = B::new();
    b.call(inbound("2026-10-01 09:00", S::Abandoned, Some(30.0)))
        .call(C {
            phone: None,
            ..inbound("2026-10-01 09:10", S::Abandoned, Some(30.0))
        })
        .call(inbound("2026-10-01 09:20", S::Connected, Some(3.0)))
        .call(C {
            agent: "A",
            at: "2026-10-02 09:00",
            phone: Some("p1"),
            ..C::default()
        });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    // Two abandoned calls in the numerator of KPI 11; one has a phone, and it was called back.
    check(
        &r,
        K::CallAbandonmentRate,
        Some(2.0 / 3.0),
        Some((2.0, 3.0)),
        &[(E::CalledBack, Some(1.0))],
    );
}

fn sale<'s>(agent: &'s str, closed: &'s str, amount: f64) -> D<'s> {
    D {
        agent,
        closed: Some(closed),
        amount,
        ..D::default()
    }
}

#[test]
fn forecast_projects_the_month_from_the_last_day_with_data() {
    // (deals (agent, closed, amount), other dated record, period, forecast, forecast attainment)
    let target = 3000.0;
    let cases: &[(
        &[(&str, &str, f64)],
        Option<&str>,
        (&str, &str),
        Option<f64>,
    )] = &[
        // D = 10-10 (last deal) before `to`: 300 × 31 / 10.
        (
            &[("A", "2026-10-05", 100.0), ("A", "2026-10-10", 200.0)],
            None,
            ("2026-10-01", "2026-10-31"),
            Some(930.0),
        ),
        // A call on 10-15 moves D: 300 × 31 / 15.
        (
            &[("A", "2026-10-05", 100.0), ("A", "2026-10-10", 200.0)],
            Some("2026-10-15 09:00"),
            ("2026-10-01", "2026-10-31"),
            Some(620.0),
        ),
        // Revenue counts from the 1st of the month even when P starts later.
        (
            &[("A", "2026-10-05", 100.0), ("A", "2026-10-10", 200.0)],
            None,
            ("2026-10-08", "2026-10-31"),
            Some(930.0),
        ),
        // P ends on 10-07: D = 10-05, only the first deal: 100 × 31 / 5.
        (
            &[("A", "2026-10-05", 100.0), ("A", "2026-10-10", 200.0)],
            None,
            ("2026-10-01", "2026-10-07"),
            Some(620.0),
        ),
        // `to` in November with no record in November: no D.
        (
            &[("A", "2026-10-05", 100.0)],
            None,
            ("2026-10-01", "2026-11-30"),
            None,
        ),
        // `to` in another month with data: the month of `to` (30 days), D = 11-03.
        (
            &[("A", "2026-10-05", 100.0), ("A", "2026-11-03", 60.0)],
            None,
            ("2026-10-01", "2026-11-30"),
            Some(600.0),
        ),
    ];
    for (i, &(deals, other, (from, to), expected)) in cases.iter().enumerate() {
        let mut b = B::new();
        for &(agent, closed, amount) in deals {
            b.deal(sale(agent, closed, amount));
        }
        if let Some(at) = other {
            b.call(C {
                agent: "A",
                at,
                ..C::default()
            });
        }
        let mut targets = Targets::presets();
        targets.upsert(Target::team(
            K::MonthlySales,
            Comparator::AtLeast,
            target,
            None,
        ));
        let r = report_with(&b.data(), &period(from, to), &Settings::default(), &targets);
        let v = r.kpis.get(K::MonthlySales);
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        assert!(
            close(v.extra(E::Forecast), expected),
            "case {i}: {:?}",
            v.extra(E::Forecast)
        );
        assert!(
            close(v.extra(E::ForecastAttainment), expected.map(|f| f / target)),
            "case {i}"
        );
        // The agent has no monthly target of its own: a forecast, no attainment.
        let a = r.agents["A"].get(K::MonthlySales);
        assert!(close(a.extra(E::Forecast), expected), "agent case {i}");
        assert_eq!(a.extra(E::ForecastAttainment), None, "agent case {i}");
    }
}

#[test]
fn forecast_is_null_without_deals_and_attainment_without_a_target() {
    let mut b = B::new();
    b.d.loaded.deals = false;
    b.call(C {
        agent: "A",
        at: "2026-10-05 09:00",
        ..C::default()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    assert_eq!(r.kpis.get(K::MonthlySales).extra(E::Forecast), None);
    let mut b = B::new();
    b.deal(sale("A", "2026-10-05", 100.0));
    let mut targets = Targets::presets();
    targets.remove(K::MonthlySales, &Scope::Team);
    let r = report_with(
        &b.data(),
        &period("2026-10-01", "2026-10-31"),
        &Settings::default(),
        &targets,
    );
    let v = r.kpis.get(K::MonthlySales);
    assert!((v.extra(E::Forecast).unwrap_or(0.0) - 100.0 * 31.0 / 5.0).abs() < 1e-9);
    assert_eq!(v.extra(E::ForecastAttainment), None);
    // A zero target gives no attainment either.
    targets.upsert(Target::team(
        K::MonthlySales,
        Comparator::AtLeast,
        0.0,
        None,
    ));
    let r = report_with(
        &b.data(),
        &period("2026-10-01", "2026-10-31"),
        &Settings::default(),
        &targets,
    );
    assert_eq!(
        r.kpis.get(K::MonthlySales).extra(E::ForecastAttainment),
        None
    );
}

#[test]
fn percentiles_interpolate_between_closest_ranks() {
    let cases: &[(&[f64], f64, Option<f64>)] = &[
        (&[], 0.75, None),
        (&[5.0], 0.75, None),
        (&[1.0, 3.0], 0.75, Some(2.5)),
        (&[1.0, 3.0], 0.25, Some(1.5)),
        (&[1.0, 2.0, 3.0, 4.0], 0.75, Some(3.25)),
        (&[1.0, 2.0, 3.0, 4.0, 5.0], 0.75, Some(4.0)),
        (&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25, Some(2.0)),
        (&[2.0, 2.0, 2.0], 0.75, Some(2.0)),
    ];
    for &(values, p, expected) in cases {
        assert_eq!(percentile(values, p), expected, "{values:?} p{p}");
    }
}

#[test]
fn suggested_targets_use_the_agents_judged_values() {
    let mut b = B::new();
    // Connection rates: A 1/1, B 1/2, C 0/1, (unassigned) 1/1 (left out), D no outbound call.
    b.call(C {
        agent: "A",
        at: "2026-10-01 09:00",
        ..C::default()
    })
    .call(C {
        agent: "B",
        at: "2026-10-01 09:00",
        ..C::default()
    })
    .call(C {
        agent: "B",
        at: "2026-10-01 09:05",
        status: Some(S::NoAnswer),
        ..C::default()
    })
    .call(C {
        agent: "C",
        at: "2026-10-01 09:00",
        status: Some(S::Busy),
        ..C::default()
    })
    .call(C {
        agent: "(unassigned)",
        at: "2026-10-01 09:00",
        ..C::default()
    })
    .deal(D {
        agent: "D",
        created: Some("2026-10-02 09:00"),
        stage: Some(telesales_kpi::domain::model::Stage::Open),
        ..D::default()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-14"));
    let get = |id: K| {
        r.suggested_targets
            .iter()
            .find(|(k, _)| *k == id)
            .and_then(|(_, v)| *v)
    };
    assert_eq!(r.suggested_targets.len(), 15);
    // Sorted 0, 0.5, 1: p75 at rank 1.5 → 0.75.
    assert_eq!(get(K::CallConnectionRate), Some(0.75));
    // per_week: D has 1 opportunity × 7 / 14 days / 1 active agent = 0.5; A, B, C 0.
    // Sorted 0, 0, 0, 0.5: p75 at rank 2.25 → 0.125.
    assert_eq!(get(K::SalesOpportunities), Some(0.125));
    // Always null: team-level targets and the band.
    assert_eq!(get(K::MonthlySales), None);
    assert_eq!(get(K::IncrementalSales), None);
    assert_eq!(get(K::AverageTalkTime), None);
    // No inbound call: no agent has an abandonment rate, so no suggestion.
    assert_eq!(get(K::CallAbandonmentRate), None);
}

#[test]
fn ranking_orders_by_met_then_missed_then_name() {
    let mut b = B::new();
    // Every agent has one outbound call; the connection rate is the only call KPI
    // judged (met when connected). Talk time 300 s is met, 30 s missed.
    for (agent, status, talk) in [
        ("b", S::Connected, 300.0),
        ("a", S::Connected, 300.0),
        ("c", S::NoAnswer, 0.0),
        ("d", S::Connected, 30.0),
        ("(unassigned)", S::Connected, 300.0),
    ] {
        b.call(C {
            agent,
            at: "2026-10-01 09:00",
            status: Some(status),
            talk: Some(talk),
            ..C::default()
        });
    }
    let r = report(&b.data(), &period("2026-10-01", "2026-10-01"));
    let order: Vec<(&str, u32, u32, u32)> = r
        .ranking
        .iter()
        .map(|x| (x.agent.as_str(), x.met, x.near, x.missed))
        .collect();
    let expected = |agent: &str| {
        use telesales_kpi::domain::kpi::targets::Status as St;
        let set = &r.agents[agent];
        let n = |s| set.iter().filter(|(_, v)| v.status == s).count() as u32;
        (n(St::Met), n(St::Near), n(St::Missed))
    };
    // a and b tie on met and missed: byte order.
    assert_eq!(
        order.iter().map(|o| o.0).collect::<Vec<_>>(),
        ["a", "b", "d", "c"]
    );
    for o in &order {
        assert_eq!((o.1, o.2, o.3), expected(o.0), "{}", o.0);
    }
    assert!(order[0].1 > order[2].1 || order[0].3 < order[2].3);
}

#[test]
fn hours_and_statuses_count_the_period_in_scope() {
    let mut b = B::new();
    // 2026-10-05 is a Monday, 2026-10-11 a Sunday.
    b.call(C {
        agent: "A",
        at: "2026-10-05 09:15",
        ..C::default()
    })
    .call(C {
        agent: "A",
        at: "2026-10-05 09:45",
        status: Some(S::NoAnswer),
        ..C::default()
    })
    .call(C {
        agent: "B",
        at: "2026-10-11 23:59",
        status: Some(S::Voicemail),
        ..C::default()
    })
    .call(inbound("2026-10-05 10:00", S::Abandoned, Some(2.0)))
    .call(C {
        agent: "A",
        at: "2026-09-30 09:00",
        ..C::default()
    });
    let settings = Settings {
        short_abandon_seconds: 10.0,
        ..Settings::default()
    };
    let r = report_with(
        &b.data(),
        &period("2026-10-01", "2026-10-31"),
        &settings,
        &Targets::presets(),
    );
    let hours = r.hours.as_ref().expect("a calls file");
    assert_eq!(hours.len(), 168);
    assert_eq!(
        (
            hours[9].weekday,
            hours[9].hour,
            hours[9].calls,
            hours[9].connected
        ),
        (1, 9, 2, 1)
    );
    assert_eq!(
        (hours[167].weekday, hours[167].hour, hours[167].calls),
        (7, 23, 1)
    );
    assert_eq!(hours.iter().map(|h| h.calls).sum::<u64>(), 3);
    let s = r.statuses.expect("a calls file");
    assert_eq!(s.outbound, [1, 1, 0, 0, 1, 0, 0]);
    // No short-abandon rule here.
    assert_eq!(s.inbound, [0, 0, 0, 0, 0, 1, 0]);
    let json = r.to_json();
    assert_eq!(json["statuses"]["inbound"]["abandoned"], 1);
    assert_eq!(
        json["hours"][9],
        serde_json::json!({"weekday": 1, "hour": 9, "calls": 2, "connected": 1})
    );
    // Filtered on agent B.
    let mut f = period("2026-10-01", "2026-10-31");
    f.agents = vec!["B".into()];
    let r = report_with(&b.data(), &f, &settings, &Targets::presets());
    assert_eq!(
        r.hours.expect("calls").iter().map(|h| h.calls).sum::<u64>(),
        1
    );
    // No calls file: both null.
    let mut b = B::new();
    b.d.loaded.calls = false;
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    assert_eq!((&r.hours, &r.statuses), (&None, &None));
    assert!(r.to_json()["hours"].is_null());
}

#[test]
fn the_abandoned_calls_drill_down_says_who_called_back_and_when() {
    use telesales_kpi::domain::kpi::{Cell, Column, Engine};
    let mut b = B::new();
    b.call(C {
        lead: Some("L1"),
        ..inbound("2026-10-01 09:00", S::Abandoned, Some(40.0))
    })
    .call(C {
        phone: Some("p2"),
        ..inbound("2026-10-01 09:30", S::Abandoned, Some(50.0))
    })
    .call(inbound("2026-10-01 10:00", S::Connected, Some(5.0)))
    .call(C {
        agent: "Sari",
        at: "2026-10-01 11:00",
        lead: Some("L1"),
        ..C::default()
    });
    let data = b.data();
    let engine = Engine::new(data, &Settings::default());
    let filter = period("2026-10-01", "2026-10-31");
    let mut drill = engine.drill(&filter, K::CallAbandonmentRate, None);
    assert_eq!(drill.rows, vec![0, 1, 2]);
    let at = |col| {
        drill
            .columns
            .iter()
            .position(|&c| c == col)
            .expect("column")
    };
    let page = engine.drill_page(&drill, 0, 10);
    let (back, when, who) = (
        at(Column::CalledBack),
        at(Column::CalledBackAt),
        at(Column::CalledBackBy),
    );
    assert_eq!(page[0][back], Cell::Flag(true));
    assert_eq!(
        page[0][when],
        Cell::Time(kpi_support::ts("2026-10-01 11:00"))
    );
    assert_eq!(page[0][who], Cell::Text("Sari".into()));
    assert_eq!(
        (&page[1][back], &page[1][who]),
        (&Cell::Flag(false), &Cell::Missing)
    );
    // A connected call has no "called back".
    assert_eq!(page[2][back], Cell::Missing);
    // Sorted by wait, longest first.
    engine.sort_drill(&mut drill, Column::Wait, true);
    assert_eq!(drill.rows, vec![1, 0, 2]);
    // The agent cell's list: A's only (all three are A's); Sari's is empty.
    assert_eq!(
        engine
            .drill(&filter, K::CallAbandonmentRate, Some("Sari"))
            .rows
            .len(),
        0
    );
}
