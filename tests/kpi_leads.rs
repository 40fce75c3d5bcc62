//! The lead KPIs (KPIS.md #7, #10): first contacts, linking by lead id else
//! phone, conversions; expected values worked out by hand.

mod kpi_support;

use kpi_support::{check, period, report, B, C, D, L};
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::KpiId as K;
use telesales_kpi::domain::model::{CallStatus as S, Stage};

fn leads() -> B {
    let mut b = B::new();
    let (c, d, l) = (C::default, D::default, L::default);
    let out = |at, lead, phone| C {
        agent: "Z",
        at,
        lead,
        phone,
        status: Some(S::NoAnswer),
        ..c()
    };
    // l1: first contact from the file, 1800 s; converted_at 2 days later.
    b.lead(L {
        lead: Some("L1"),
        phone: Some("p1"),
        at: "2026-10-01 09:00",
        agent: Some("A"),
        first_contact: Some("2026-10-01 09:30"),
        converted_at: Some("2026-10-03 09:00"),
        ..l()
    });
    // l2: the call before creation doesn't count; 3 h later does. Converted by status.
    b.lead(L {
        lead: Some("L2"),
        phone: Some("p2"),
        at: "2026-10-02 09:00",
        agent: Some("A"),
        converted: true,
        ..l()
    })
    .call(out("2026-10-02 08:00", Some("L2"), None))
    .call(out("2026-10-02 12:00", Some("L2"), None));
    // l3: no lead id → linked by phone, 600 s; won deal by phone 10 days later.
    b.lead(L {
        phone: Some("p3"),
        at: "2026-10-03 09:00",
        ..l()
    })
    .call(out("2026-10-03 09:10", Some("LX"), Some("p3")))
    .deal(D {
        agent: "Z",
        closed: Some("2026-10-13 09:00"),
        phone: Some("p3"),
        amount: 1.0,
        ..d()
    });
    // l4: a call with another lead id doesn't link; one without lead id does (3600 s).
    // Won deal with its lead id in December (any date counts): 61 days.
    b.lead(L {
        lead: Some("L4"),
        phone: Some("p4"),
        at: "2026-10-04 09:00",
        ..l()
    })
    .call(out("2026-10-04 09:05", Some("L9"), Some("p4")))
    .call(out("2026-10-04 10:00", None, Some("p4")))
    .deal(D {
        agent: "Z",
        closed: Some("2026-12-04 09:00"),
        lead: Some("L4"),
        amount: 1.0,
        ..d()
    });
    // l5: first contact before creation is kept (−3600 s); a lost deal doesn't convert.
    b.lead(L {
        lead: Some("L5"),
        at: "2026-10-05 09:00",
        first_contact: Some("2026-10-05 08:00"),
        ..l()
    })
    .deal(D {
        agent: "Z",
        closed: Some("2026-10-06"),
        lead: Some("L5"),
        stage: Some(Stage::Lost),
        amount: 1.0,
        ..d()
    });
    // l6: only an inbound call (not a contact); a won deal with another lead id.
    b.lead(L {
        lead: Some("L6"),
        phone: Some("p6"),
        at: "2026-10-06 09:00",
        ..l()
    })
    .call(C {
        agent: "Z",
        at: "2026-10-06 10:00",
        inbound: true,
        phone: Some("p6"),
        ..c()
    })
    .deal(D {
        agent: "Z",
        closed: Some("2026-10-07"),
        lead: Some("L6x"),
        phone: Some("p6"),
        amount: 1.0,
        ..d()
    });
    // l7: previous period.
    b.lead(L {
        lead: Some("L7"),
        at: "2026-09-30 09:00",
        first_contact: Some("2026-09-30 09:01"),
        ..l()
    });
    b
}

#[test]
fn lead_kpis_for_october() {
    let r = report(&leads().data(), &period("2026-10-01", "2026-10-31"));
    // Responses 1800, 10800, 600, 3600, −3600.
    check(
        &r,
        K::AverageResponseTime,
        Some(2640.0),
        Some((13200.0, 5.0)),
        &[(E::Within2h, Some(0.8)), (E::Uncontacted, Some(1.0))],
    );
    // Converted: l1, l2, l3, l4; days to convert 2, 10, 61.
    check(
        &r,
        K::LeadConversionRate,
        Some(4.0 / 6.0),
        Some((4.0, 6.0)),
        &[(E::AvgDaysToConvert, Some(73.0 / 3.0))],
    );
    assert_eq!(r.kpis.get(K::AverageResponseTime).previous, Some(60.0));
    assert_eq!(r.kpis.get(K::LeadConversionRate).previous, Some(0.0));
}

#[test]
fn leads_count_for_their_agent_and_leads_without_agent_for_the_team_only() {
    let r = report(&leads().data(), &period("2026-10-01", "2026-10-31"));
    let a = &r.agents["A"];
    assert_eq!(a.get(K::AverageResponseTime).value, Some(6300.0));
    assert_eq!(a.get(K::LeadConversionRate).value, Some(1.0));
    assert_eq!(
        a.get(K::LeadConversionRate).extra(E::AvgDaysToConvert),
        Some(2.0)
    );
    let mut f = period("2026-10-01", "2026-10-31");
    f.agents = vec!["A".into()];
    let r = report(&leads().data(), &f);
    check(&r, K::LeadConversionRate, Some(1.0), Some((2.0, 2.0)), &[]);
}

#[test]
fn no_leads_file_means_null_lead_kpis() {
    let mut b = leads();
    b.d.loaded.leads = false;
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    for id in [K::AverageResponseTime, K::LeadConversionRate] {
        let v = r.kpis.get(id);
        assert_eq!(
            (v.value, v.numerator, v.denominator, v.previous),
            (None, None, None, None)
        );
        assert!(v.extras.iter().all(|(_, x)| x.is_none()));
    }
}

#[test]
fn empty_leads_file_counts_zero_uncontacted() {
    let r = report(&B::new().data(), &period("2026-10-01", "2026-10-31"));
    check(
        &r,
        K::AverageResponseTime,
        None,
        Some((0.0, 0.0)),
        &[(E::Within2h, None), (E::Uncontacted, Some(0.0))],
    );
    check(
        &r,
        K::LeadConversionRate,
        None,
        Some((0.0, 0.0)),
        &[(E::AvgDaysToConvert, None)],
    );
}
