//! Boundaries of the edge rules: 120 s talks, 2 h responses, short abandons
//! without a wait, campaign filters on leads, days of the period.

mod kpi_support;

use kpi_support::{check, period, report, report_with, B, C, L};
use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{KpiId as K, Settings};
use telesales_kpi::domain::model::CallStatus as S;

#[test]
fn under_2min_is_strictly_below_120_seconds() {
    // (talks, expected under_2min share)
    let cases: [(&[f64], f64); 3] = [
        (&[119.999, 120.0], 0.5),
        (&[0.0], 1.0),
        (&[120.0, 600.0], 0.0),
    ];
    for (talks, share) in cases {
        let mut b = B::new();
        for t in talks {
            b.call(C {
                agent: "A",
                at: "2026-10-01 09:00",
                talk: Some(*t),
                ..C::default()
            });
        }
        // A non-connected call with a talk time is not counted.
        b.call(C {
            agent: "A",
            at: "2026-10-01 09:00",
            talk: Some(5.0),
            status: Some(S::NoAnswer),
            ..C::default()
        });
        let r = report(&b.data(), &period("2026-10-01", "2026-10-01"));
        let n = talks.len() as f64;
        check(
            &r,
            K::AverageTalkTime,
            Some(talks.iter().sum::<f64>() / n),
            Some((talks.iter().sum(), n)),
            &[(E::Under2min, Some(share))],
        );
    }
}

#[test]
fn within_2h_includes_exactly_two_hours() {
    let mut b = B::new();
    b.lead(L {
        lead: Some("a"),
        at: "2026-10-01 08:00",
        first_contact: Some("2026-10-01 10:00"),
        ..L::default()
    })
    .lead(L {
        lead: Some("b"),
        at: "2026-10-01 08:00",
        first_contact: Some("2026-10-01 10:00:01"),
        ..L::default()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-01"));
    check(
        &r,
        K::AverageResponseTime,
        Some(7200.5),
        Some((14401.0, 2.0)),
        &[(E::Within2h, Some(0.5)), (E::Uncontacted, Some(0.0))],
    );
}

#[test]
fn short_abandon_keeps_abandons_without_wait_and_connected_calls() {
    let mut b = B::new();
    let inb = |status, wait| C {
        agent: "A",
        at: "2026-10-01 09:00",
        inbound: true,
        status: Some(status),
        wait,
        ..C::default()
    };
    b.call(inb(S::Abandoned, None)) // kept: no wait to compare
        .call(inb(S::Abandoned, Some(4.999))) // dropped under 5 s
        .call(inb(S::Abandoned, Some(5.0))) // kept
        .call(inb(S::Connected, Some(1.0))) // connected: always offered
        .call(inb(S::Busy, Some(1.0))); // neither connected nor abandoned
    let settings = Settings {
        short_abandon_seconds: 5.0,
        ..Settings::default()
    };
    let r = report_with(
        &b.data(),
        &period("2026-10-01", "2026-10-01"),
        &settings,
        &Targets::presets(),
    );
    check(
        &r,
        K::CallAbandonmentRate,
        Some(2.0 / 3.0),
        Some((2.0, 3.0)),
        &[(E::AvgWaitSeconds, Some(3.0))],
    );
}

#[test]
fn campaign_filter_applies_to_leads_and_period_edges_are_wall_days() {
    let mut b = B::new();
    b.lead(L {
        lead: Some("a"),
        at: "2026-10-01 00:00",
        campaign: Some("K"),
        ..L::default()
    })
    .lead(L {
        lead: Some("b"),
        at: "2026-10-01 23:59:59",
        ..L::default()
    })
    .lead(L {
        lead: Some("c"),
        at: "2026-10-02 00:00",
        campaign: Some("K"),
        ..L::default()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-01"));
    check(&r, K::LeadConversionRate, Some(0.0), Some((0.0, 2.0)), &[]);
    let mut f = period("2026-10-01", "2026-10-02");
    f.campaign = Some("K".into());
    let r = report(&b.data(), &f);
    check(&r, K::LeadConversionRate, Some(0.0), Some((0.0, 2.0)), &[]);
    f.campaign = Some("unknown".into());
    let r = report(&b.data(), &f);
    check(&r, K::LeadConversionRate, None, Some((0.0, 0.0)), &[]);
}
