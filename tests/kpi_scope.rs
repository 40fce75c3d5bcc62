//! Periods, the previous-period rule, scope filters, roster aliases and the
//! list of agents (KPIS.md "Linking and scope").

mod kpi_support;

use kpi_support::{check, day, period, report, B, C, D, L};
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{Engine, Filter, KpiId as K, Period, Settings};
use telesales_kpi::domain::model::Dataset;
use telesales_kpi::domain::model::Stage;

#[test]
fn previous_period_rule() {
    let cases = [
        // whole months → the same number of whole months before
        ("2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30"),
        ("2026-10-01", "2026-12-31", "2026-07-01", "2026-09-30"),
        ("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"),
        ("2026-01-01", "2026-02-28", "2025-11-01", "2025-12-31"),
        ("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"),
        // otherwise equal length in days
        ("2026-10-01", "2026-10-30", "2026-09-01", "2026-09-30"),
        ("2026-10-02", "2026-10-31", "2026-09-02", "2026-10-01"),
        ("2026-03-15", "2026-03-15", "2026-03-14", "2026-03-14"),
        ("2026-03-01", "2026-03-07", "2026-02-22", "2026-02-28"),
    ];
    for (from, to, pf, pt) in cases {
        let p = Period {
            from: day(from),
            to: day(to),
        };
        assert_eq!(
            p.previous(),
            Period {
                from: day(pf),
                to: day(pt)
            },
            "{from}..{to}"
        );
    }
}

fn mixed() -> B {
    let mut b = B::new();
    b.call(C {
        agent: "A",
        at: "2026-10-03 10:00",
        ..C::default()
    })
    .deal(D {
        agent: "B",
        created: Some("2026-09-28 23:00"),
        stage: Some(Stage::Open),
        ..D::default()
    })
    .deal(D {
        agent: "B",
        closed: Some("2026-11-02 08:00"),
        amount: 5.0,
        ..D::default()
    })
    .lead(L {
        lead: Some("x"),
        at: "2026-10-15",
        ..L::default()
    });
    b
}

#[test]
fn default_period_spans_every_dated_record() {
    let data = mixed().data();
    let engine = Engine::new(data.clone(), &Settings::default());
    assert_eq!(
        engine.default_period(),
        Some(Period {
            from: day("2026-09-28"),
            to: day("2026-11-02")
        })
    );
    let r = engine.report(
        &Filter::default(),
        &telesales_kpi::domain::kpi::targets::Targets::presets(),
    );
    assert_eq!(r.period, engine.default_period());
    // 36 days: the previous period is the 36 days before.
    assert_eq!(
        r.previous_period,
        Some(Period {
            from: day("2026-08-23"),
            to: day("2026-09-27")
        })
    );
    // One bound given: the other is the default's.
    let f = Filter {
        from: Some(day("2026-10-01")),
        ..Filter::default()
    };
    assert_eq!(
        engine
            .report(&f, &telesales_kpi::domain::kpi::targets::Targets::default())
            .period,
        Some(Period {
            from: day("2026-10-01"),
            to: day("2026-11-02")
        })
    );
}

#[test]
fn no_dated_record_means_null_period_and_values() {
    let mut b = B::new();
    b.deal(D {
        agent: "A",
        stage: Some(Stage::Open),
        amount: 1.0,
        ..D::default()
    });
    let r = report(&b.data(), &Filter::default());
    assert_eq!(r.period, None);
    for id in K::ALL {
        assert_eq!(r.kpis.get(id).value, None, "{}", id.as_str());
    }
    assert!(r.agents["A"].iter().all(|(_, v)| v.value.is_none()));
    let json = r.to_json();
    assert_eq!(json["period"], serde_json::Value::Null);
    let r = report(&Dataset::new(), &Filter::default());
    assert_eq!(r.period, None);
    assert!(r.agents.is_empty());
}

fn roster() -> B {
    let mut b = B::new();
    let c = C::default;
    b.roster("budi", Some("North"), &["1001", "budi.s"])
        .roster("sari", Some("South"), &["1002"])
        .roster("eko", Some("North"), &[]);
    b.call(C {
        agent: "1001",
        at: "2026-10-01 09:00",
        campaign: Some("K1"),
        ..c()
    })
    .call(C {
        agent: "budi.s",
        at: "2026-10-01 10:00",
        status: Some(telesales_kpi::domain::model::CallStatus::Busy),
        ..c()
    })
    .call(C {
        agent: "budi",
        at: "2026-10-02 09:00",
        ..c()
    })
    .call(C {
        agent: "1002",
        at: "2026-10-01 09:00",
        campaign: Some("K1"),
        ..c()
    })
    .call(C {
        agent: "tono",
        at: "2026-10-01 09:00",
        ..c()
    })
    .call(C {
        agent: "lama",
        at: "2025-01-01 09:00",
        ..c()
    });
    b
}

#[test]
fn aliases_count_under_the_roster_agent() {
    let r = report(&roster().data(), &period("2026-10-01", "2026-10-31"));
    let names: Vec<&str> = r.agents.keys().map(String::as_str).collect();
    // Roster agents (eko without records too), plus record agents of any date.
    assert_eq!(names, ["budi", "eko", "lama", "sari", "tono"]);
    check(&r, K::CallConnectionRate, Some(0.8), Some((4.0, 5.0)), &[]);
    let budi = r.agents["budi"].get(K::CallConnectionRate);
    assert_eq!((budi.numerator, budi.denominator), (Some(2.0), Some(3.0)));
    // budi: 3 calls over 2 days.
    assert_eq!(
        r.agents["budi"].get(K::OutboundCallsPerDay).value,
        Some(1.5)
    );
    assert_eq!(r.agents["eko"].get(K::CallConnectionRate).value, None);
}

/// One table row of the test below.
type Case<'a> = (
    &'a [&'a str],
    Option<&'a str>,
    Option<&'a str>,
    f64,
    &'a [&'a str],
);

#[test]
fn scope_filters_combine() {
    let data = roster().data();
    // (agents, team, campaign, outbound calls, listed agents)
    let cases: [Case; 9] = [
        (&["budi.s"], None, None, 3.0, &["budi"]),
        (&["1001", "1002"], None, None, 4.0, &["budi", "sari"]),
        (&["tono"], None, None, 1.0, &["tono"]),
        (&["nobody"], None, None, 0.0, &[]),
        (&[], Some("North"), None, 3.0, &["budi", "eko"]),
        (&[], Some("Nowhere"), None, 0.0, &[]),
        (&["sari"], Some("North"), None, 0.0, &[]),
        (&[], None, Some("K1"), 2.0, &["budi", "eko", "sari"]),
        (&[], Some("North"), Some("K1"), 1.0, &["budi", "eko"]),
    ];
    for (agents, team, campaign, outbound, listed) in cases {
        let mut f = period("2026-10-01", "2026-10-31");
        f.agents = agents.iter().map(|a| (*a).to_owned()).collect();
        f.team = team.map(str::to_owned);
        f.campaign = campaign.map(str::to_owned);
        let r = report(&data, &f);
        let v = r.kpis.get(K::CallConnectionRate);
        assert_eq!(
            v.denominator,
            Some(outbound),
            "{agents:?} {team:?} {campaign:?}"
        );
        let names: Vec<&str> = r.agents.keys().map(String::as_str).collect();
        assert_eq!(names, listed, "{agents:?} {team:?} {campaign:?}");
    }
}

#[test]
fn team_filter_without_roster_is_an_empty_scope() {
    let mut f = period("2026-10-01", "2026-10-31");
    f.team = Some("North".into());
    let r = report(&mixed().data(), &f);
    check(&r, K::CallConnectionRate, None, Some((0.0, 0.0)), &[]);
    check(&r, K::MonthlySales, Some(0.0), None, &[]);
    check(&r, K::LeadConversionRate, None, Some((0.0, 0.0)), &[]);
    assert!(r.agents.is_empty());
}

#[test]
fn per_week_counts_active_agents_of_calls_and_deals() {
    let mut b = B::new();
    let c = C::default;
    b.call(C {
        agent: "A",
        at: "2026-10-01",
        inbound: true,
        ..c()
    })
    .call(C {
        agent: "(unassigned)",
        at: "2026-10-01",
        ..c()
    })
    .deal(D {
        agent: "B",
        created: Some("2026-10-02"),
        stage: Some(Stage::Open),
        ..D::default()
    })
    .deal(D {
        agent: "B",
        created: Some("2026-10-03"),
        stage: Some(Stage::Open),
        ..D::default()
    })
    .deal(D {
        agent: "(unassigned)",
        created: Some("2026-10-03"),
        stage: Some(Stage::Open),
        ..D::default()
    })
    .deal(D {
        agent: "C",
        created: Some("2026-09-03"),
        closed: Some("2026-10-05"),
        stage: Some(Stage::Lost),
        ..D::default()
    })
    .lead(L {
        lead: Some("l"),
        agent: Some("E"),
        at: "2026-10-04",
        ..L::default()
    });
    // 14 days; opportunities of assigned agents: 2; active: A, B, C.
    let r = report(&b.data(), &period("2026-10-01", "2026-10-14"));
    check(
        &r,
        K::SalesOpportunities,
        Some(3.0),
        None,
        &[(E::PerWeek, Some(2.0 * 7.0 / 14.0 / 3.0))],
    );
    assert_eq!(
        r.agents["B"].get(K::SalesOpportunities).extra(E::PerWeek),
        Some(2.0 * 7.0 / 14.0)
    );
    assert_eq!(
        r.agents["C"].get(K::SalesOpportunities).extra(E::PerWeek),
        Some(0.0)
    );
    assert_eq!(
        r.agents["E"].get(K::SalesOpportunities).extra(E::PerWeek),
        None
    );
}

#[test]
fn out_of_order_filter_gives_null_period() {
    let f = Filter {
        from: Some(day("2026-10-05")),
        to: Some(day("2026-10-01")),
        ..Filter::default()
    };
    let r = report(&mixed().data(), &f);
    assert_eq!(r.period, None);
}

#[test]
fn an_engine_outlives_its_dataset() {
    let engine = {
        let data = roster().data();
        Engine::new(data, &Settings::default())
    };
    let mut f = period("2026-10-01", "2026-10-31");
    f.agents = vec!["budi.s".into()];
    f.campaign = Some("K1".into());
    let r = engine.report(&f, &telesales_kpi::domain::kpi::targets::Targets::presets());
    check(&r, K::CallConnectionRate, Some(1.0), Some((1.0, 1.0)), &[]);
    assert_eq!(engine.talk_minutes(&f), [0; 15]);
}
