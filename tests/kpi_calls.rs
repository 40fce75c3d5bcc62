//! The call KPIs (KPIS.md #5, #11, #13, #14, #15) on hand-made datasets whose
//! expected values were worked out by hand.

mod kpi_support;

use kpi_support::{check, period, report, report_with, B, C};
use telesales_kpi::domain::kpi::targets::Targets;
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::{KpiId as K, Settings};
use telesales_kpi::domain::model::CallStatus as S;

/// Ten calls; see each line's comment.
fn calls() -> B {
    let mut b = B::new();
    let c = C::default;
    b.call(C {
        agent: "A",
        at: "2026-10-01 09:00",
        talk: Some(100.0),
        phone: Some("p1"),
        ..c()
    }) // 1
    .call(C {
        agent: "A",
        at: "2026-10-01 10:00",
        status: Some(S::NoAnswer),
        phone: Some("p2"),
        ..c()
    }) // 2
    .call(C {
        agent: "B",
        at: "2026-10-02 09:00",
        talk: Some(300.0),
        phone: Some("p3"),
        callback: Some(true),
        ..c()
    }) // 3: flag
    .call(C {
        agent: "B",
        at: "2026-10-02 11:00",
        status: Some(S::Busy),
        phone: Some("p1"),
        ..c()
    }) // 4: gets call 5's callback
    .call(C {
        agent: "A",
        at: "2026-10-03 09:00",
        inbound: true,
        talk: Some(0.0),
        wait: Some(10.0),
        phone: Some("p1"),
        ..c()
    }) // 5
    .call(C {
        agent: "A",
        at: "2026-09-30 23:59",
        talk: Some(50.0),
        ..c()
    }) // 6: previous period
    .call(C {
        agent: "A",
        at: "2026-10-05 09:00",
        inbound: true,
        status: Some(S::Abandoned),
        wait: Some(3.0),
        ..c()
    }) // 7
    .call(C {
        agent: "B",
        at: "2026-10-05 09:00",
        inbound: true,
        status: Some(S::Abandoned),
        wait: Some(30.0),
        ..c()
    }) // 8
    .call(C {
        agent: "B",
        at: "2026-10-06 09:00",
        inbound: true,
        status: Some(S::NoAnswer),
        ..c()
    }) // 9: not offered
    .call(C {
        agent: "(unassigned)",
        at: "2026-10-06 09:00",
        status: Some(S::NoAnswer),
        phone: Some("p9"),
        ..c()
    }); // 10
    b
}

#[test]
fn call_kpis_for_october() {
    let r = report(&calls().data(), &period("2026-10-01", "2026-10-31"));
    // Outbound in P: 1, 2, 3, 4, 10; connected: 1, 3.
    check(&r, K::CallConnectionRate, Some(0.4), Some((2.0, 5.0)), &[]);
    // Callbacks: 3 (flag), 4 (latest outbound to p1 before inbound 5).
    check(&r, K::CallbackRate, Some(0.4), Some((2.0, 5.0)), &[]);
    // Connected with talk: 100, 300, 0 (inbound counts, talk 0 counts).
    check(
        &r,
        K::AverageTalkTime,
        Some(400.0 / 3.0),
        Some((400.0, 3.0)),
        &[(E::Under2min, Some(2.0 / 3.0))],
    );
    // Offered: 5, 7, 8; abandoned: 7, 8; waits 10, 3, 30.
    check(
        &r,
        K::CallAbandonmentRate,
        Some(2.0 / 3.0),
        Some((2.0, 3.0)),
        &[(E::AvgWaitSeconds, Some(43.0 / 3.0))],
    );
    // (unassigned) excluded: 4 calls over (A, 10-01) and (B, 10-02).
    check(&r, K::OutboundCallsPerDay, Some(2.0), Some((4.0, 2.0)), &[]);
    // Previous period: September (whole month): call 6 only.
    assert_eq!(r.kpis.get(K::CallConnectionRate).previous, Some(1.0));
    assert_eq!(r.kpis.get(K::CallbackRate).previous, Some(0.0));
    assert_eq!(r.kpis.get(K::CallAbandonmentRate).previous, None);
}

#[test]
fn per_agent_call_kpis() {
    let r = report(&calls().data(), &period("2026-10-01", "2026-10-31"));
    let a = &r.agents["A"];
    assert_eq!(a.get(K::CallConnectionRate).value, Some(0.5));
    assert_eq!(a.get(K::OutboundCallsPerDay).value, Some(2.0));
    assert_eq!(a.get(K::CallAbandonmentRate).value, Some(0.5));
    let u = &r.agents["(unassigned)"];
    assert_eq!(u.get(K::CallConnectionRate).value, Some(0.0));
    assert_eq!(u.get(K::OutboundCallsPerDay).value, None);
    let b = &r.agents["B"];
    assert_eq!(b.get(K::CallbackRate).value, Some(1.0));
}

#[test]
fn short_abandon_setting_drops_short_waits() {
    let settings = Settings {
        short_abandon_seconds: 5.0,
        ..Settings::default()
    };
    let r = report_with(
        &calls().data(),
        &period("2026-10-01", "2026-10-31"),
        &settings,
        &Targets::presets(),
    );
    // Call 7 (3 s) leaves numerator and denominator.
    check(
        &r,
        K::CallAbandonmentRate,
        Some(0.5),
        Some((1.0, 2.0)),
        &[(E::AvgWaitSeconds, Some(20.0))],
    );
}

fn callbacks() -> B {
    let mut b = B::new();
    let c = C::default;
    let out = |at, lead, phone| C {
        agent: "A",
        at,
        lead,
        phone,
        status: Some(S::NoAnswer),
        ..c()
    };
    let inb = |at, lead, phone| C {
        agent: "A",
        at,
        lead,
        phone,
        inbound: true,
        ..c()
    };
    b.call(out("2026-10-01 09:00", Some("L1"), None)) // X: exactly 7 days → yes
        .call(inb("2026-10-08 09:00", Some("L1"), None))
        .call(out("2026-10-01 09:00", Some("L2"), None)) // Y: 7 days + 1 s → no
        .call(inb("2026-10-08 09:00:01", Some("L2"), None))
        .call(out("2026-10-10 09:00", None, Some("p5"))) // Z: same instant → no
        .call(inb("2026-10-10 09:00", None, Some("p5")))
        .call(out("2026-10-12 09:00", None, Some("p6"))) // not the latest → no
        .call(out("2026-10-12 10:00", None, Some("p6"))) // latest → yes, once
        .call(inb("2026-10-12 11:00", None, Some("p6")))
        .call(inb("2026-10-12 12:00", None, Some("p6")))
        .call(out("2026-10-15 09:00", Some("L3"), Some("p7"))) // lead ids differ → no
        .call(inb("2026-10-16 09:00", Some("L4"), Some("p7")))
        .call(out("2026-10-20 09:00", None, Some("p8"))) // no lead id → phone → yes (1 day)
        .call(inb("2026-10-21 09:00", Some("L5"), Some("p8")));
    b
}

#[test]
fn callback_matching_rules() {
    let cases: [(u32, f64); 3] = [(7, 3.0), (1, 2.0), (0, 0.0)];
    for (days, got) in cases {
        let settings = Settings {
            callback_days: days,
            ..Settings::default()
        };
        let r = report_with(
            &callbacks().data(),
            &period("2026-10-01", "2026-10-31"),
            &settings,
            &Targets::presets(),
        );
        check(&r, K::CallbackRate, Some(got / 7.0), Some((got, 7.0)), &[]);
    }
}

#[test]
fn callback_inbound_outside_period_and_scope_still_counts() {
    let mut b = B::new();
    b.call(C {
        agent: "A",
        at: "2026-10-31 20:00",
        phone: Some("p1"),
        campaign: Some("X"),
        ..C::default()
    })
    .call(C {
        agent: "B",
        at: "2026-11-01 09:00",
        phone: Some("p1"),
        inbound: true,
        ..C::default()
    });
    let mut f = period("2026-10-01", "2026-10-31");
    f.agents = vec!["A".into()];
    f.campaign = Some("X".into());
    let r = report(&b.data(), &f);
    check(&r, K::CallbackRate, Some(1.0), Some((1.0, 1.0)), &[]);
}

#[test]
fn no_calls_file_means_null_call_kpis() {
    let mut b = calls();
    b.d.loaded.calls = false;
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    for id in [
        K::CallConnectionRate,
        K::CallbackRate,
        K::AverageTalkTime,
        K::CallAbandonmentRate,
        K::OutboundCallsPerDay,
        K::RevenuePerCall,
    ] {
        let v = r.kpis.get(id);
        assert_eq!(
            (v.value, v.numerator, v.denominator, v.previous),
            (None, None, None, None),
            "{}",
            id.as_str()
        );
        assert!(v.extras.iter().all(|(_, x)| x.is_none()), "{}", id.as_str());
    }
}

#[test]
fn empty_calls_file_gives_counts_and_null_rates() {
    let r = report(&B::new().data(), &period("2026-10-01", "2026-10-31"));
    check(&r, K::CallConnectionRate, None, Some((0.0, 0.0)), &[]);
    check(
        &r,
        K::AverageTalkTime,
        None,
        Some((0.0, 0.0)),
        &[(E::Under2min, None)],
    );
    check(&r, K::OutboundCallsPerDay, None, Some((0.0, 0.0)), &[]);
}

#[test]
fn talk_minutes_buckets() {
    let data = calls().data();
    let engine = telesales_kpi::domain::kpi::Engine::new(data.clone(), &Settings::default());
    let h = engine.talk_minutes(&period("2026-10-01", "2026-10-31"));
    // Talks 100 s (minute 1), 300 s (minute 5), 0 s (minute 0).
    let mut expected = [0; 15];
    expected[0] = 1;
    expected[1] = 1;
    expected[5] = 1;
    assert_eq!(h, expected);
}
