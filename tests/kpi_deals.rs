//! The deal KPIs (KPIS.md #1, #2, #3, #4, #6, #8, #9, #12) on hand-made
//! datasets whose expected values were worked out by hand.

mod kpi_support;

use kpi_support::{check, period, report, B, C, D};
use telesales_kpi::domain::kpi::targets::Status;
use telesales_kpi::domain::kpi::Extra as E;
use telesales_kpi::domain::kpi::KpiId as K;
use telesales_kpi::domain::model::Stage;

fn deals() -> B {
    let mut b = B::new();
    let d = D::default;
    b.deal(D {
        agent: "A",
        created: Some("2026-09-20"),
        closed: Some("2026-10-05 10:00"),
        amount: 1000.0,
        cost: Some(600.0),
        upsell: Some(true),
        new_customer: Some(true),
        ..d()
    }) // d1
    .deal(D {
        agent: "A",
        created: Some("2026-10-01"),
        closed: Some("2026-10-10"),
        amount: 3000.0,
        ..d()
    }) // d2: empty upsell cell
    .deal(D {
        agent: "B",
        created: Some("2026-10-02"),
        closed: Some("2026-10-12"),
        stage: Some(Stage::Lost),
        amount: 500.0,
        ..d()
    }) // d3
    .deal(D {
        agent: "B",
        created: Some("2026-10-15"),
        stage: Some(Stage::Open),
        amount: 700.0,
        ..d()
    }) // d4
    .deal(D {
        agent: "B",
        closed: Some("2026-10-20"),
        amount: 2000.0,
        cost: Some(2500.0),
        upsell: Some(false),
        ..d()
    }) // d5
    .deal(D {
        agent: "A",
        closed: Some("2026-09-15"),
        amount: 800.0,
        ..d()
    }) // d6: previous period
    .deal(D {
        agent: "(unassigned)",
        created: Some("2026-10-03"),
        stage: Some(Stage::Open),
        ..d()
    }); // d7
    b
}

#[test]
fn deal_kpis_for_october() {
    let r = report(&deals().data(), &period("2026-10-01", "2026-10-31"));
    // Won in P: d1, d2, d5 = 6000.
    check(
        &r,
        K::AveragePurchaseValue,
        Some(2000.0),
        Some((6000.0, 3.0)),
        &[],
    );
    // No outbound call: revenue per call is null.
    check(&r, K::RevenuePerCall, None, Some((6000.0, 0.0)), &[]);
    // Created in P: d2, d3, d4, d5, d7; per_week = 4 × 7 / 31 / 2 agents.
    check(
        &r,
        K::SalesOpportunities,
        Some(5.0),
        None,
        &[(E::PerWeek, Some(28.0 / 62.0))],
    );
    check(&r, K::UpsellingRate, Some(1.0 / 3.0), Some((1.0, 3.0)), &[]);
    check(
        &r,
        K::OpportunityWinRatio,
        Some(0.75),
        Some((3.0, 4.0)),
        &[(E::ValueRatio, Some(6000.0 / 6500.0))],
    );
    // With a cost: d1 (1000 − 600), d5 (2000 − 2500).
    check(
        &r,
        K::ProfitMargin,
        Some(-100.0 / 3000.0),
        Some((-100.0, 3000.0)),
        &[(E::Profit, Some(-100.0))],
    );
    check(
        &r,
        K::MonthlySales,
        Some(6000.0),
        None,
        &[
            (E::Transactions, Some(3.0)),
            (E::Attainment, Some(6000.0 / 5e8)),
        ],
    );
    assert_eq!(r.kpis.get(K::MonthlySales).status, Status::Missed);
    assert_eq!(r.kpis.get(K::AveragePurchaseValue).previous, Some(800.0));
    assert_eq!(r.kpis.get(K::MonthlySales).previous, Some(800.0));
    assert_eq!(r.kpis.get(K::OpportunityWinRatio).previous, Some(1.0));
}

#[test]
fn per_agent_deal_kpis() {
    let r = report(&deals().data(), &period("2026-10-01", "2026-10-31"));
    let a = &r.agents["A"];
    assert_eq!(a.get(K::MonthlySales).value, Some(4000.0));
    // Monthly team target applies to the team only.
    assert_eq!(a.get(K::MonthlySales).status, Status::None);
    assert_eq!(a.get(K::MonthlySales).extra(E::Attainment), None);
    // A: 1 opportunity (d2) × 7 / 31 / 1.
    assert_eq!(
        a.get(K::SalesOpportunities).extra(E::PerWeek),
        Some(7.0 / 31.0)
    );
    let u = &r.agents["(unassigned)"];
    assert_eq!(u.get(K::SalesOpportunities).value, Some(1.0));
    assert_eq!(u.get(K::SalesOpportunities).extra(E::PerWeek), None);
}

#[test]
fn revenue_per_call_uses_outbound_calls() {
    let mut b = deals();
    let c = C::default;
    b.call(C {
        agent: "A",
        at: "2026-10-02",
        ..c()
    })
    .call(C {
        agent: "A",
        at: "2026-10-03",
        ..c()
    })
    .call(C {
        agent: "B",
        at: "2026-10-03",
        inbound: true,
        ..c()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    check(
        &r,
        K::RevenuePerCall,
        Some(3000.0),
        Some((6000.0, 2.0)),
        &[],
    );
}

#[test]
fn no_upsell_column_means_null() {
    let mut b = deals();
    b.d.deals.has_upsell_column = false;
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    let v = r.kpis.get(K::UpsellingRate);
    assert_eq!((v.value, v.numerator, v.denominator), (None, None, None));
}

#[test]
fn profit_is_null_without_costs() {
    let mut b = B::new();
    b.deal(D {
        agent: "A",
        closed: Some("2026-10-05"),
        amount: 10.0,
        ..D::default()
    });
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    check(&r, K::ProfitMargin, None, None, &[(E::Profit, None)]);
}

#[test]
fn no_deals_file_means_null_deal_kpis() {
    let mut b = deals();
    b.d.loaded.deals = false;
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    for id in [
        K::AveragePurchaseValue,
        K::RevenuePerCall,
        K::IncrementalSales,
        K::SalesOpportunities,
        K::UpsellingRate,
        K::OpportunityWinRatio,
        K::ProfitMargin,
        K::MonthlySales,
    ] {
        let v = r.kpis.get(id);
        assert_eq!(
            (v.value, v.numerator, v.denominator, v.previous),
            (None, None, None, None),
            "{}",
            id.as_str()
        );
        assert!(v.extras.iter().all(|(_, x)| x.is_none()), "{}", id.as_str());
        assert_eq!(v.status, Status::None);
    }
}

#[test]
fn empty_deals_file_gives_zero_sums() {
    let r = report(&B::new().data(), &period("2026-10-01", "2026-10-31"));
    check(
        &r,
        K::MonthlySales,
        Some(0.0),
        None,
        &[(E::Transactions, Some(0.0)), (E::Attainment, Some(0.0))],
    );
    check(
        &r,
        K::SalesOpportunities,
        Some(0.0),
        None,
        &[(E::PerWeek, None)],
    );
    check(&r, K::AveragePurchaseValue, None, Some((0.0, 0.0)), &[]);
}

/// Won deals around campaign windows (campaign tags don't matter for revenue).
fn campaign_deals(b: &mut B) {
    let won = |closed, amount, new| D {
        agent: "A",
        closed: Some(closed),
        amount,
        new_customer: new,
        ..D::default()
    };
    b.deal(won("2026-09-29", 50.0, None))
        .deal(won("2026-10-01", 100.0, None))
        .deal(won("2026-10-09", 200.0, Some(true)))
        .deal(won("2026-10-10", 500.0, Some(true)))
        .deal(won("2026-10-19 23:59", 300.0, Some(false)))
        .deal(won("2026-10-20", 1000.0, Some(true)));
}

fn with_campaign_file() -> B {
    let mut b = B::new();
    campaign_deals(&mut b);
    b.campaign("Promo", "2026-10-10", "2026-10-19")
        .campaign("Alpha", "2026-10-10", "2026-10-19")
        .campaign("Late", "2026-10-10", "2026-10-12")
        .campaign("Next", "2026-10-24", "2026-10-31");
    b
}

/// One table row of the test below.
type Case<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

#[test]
fn incremental_sales_picks_the_latest_campaign() {
    let data = with_campaign_file().data();
    // (from, to, campaign filter, value, lift, new customers)
    let cases: [Case; 4] = [
        // Promo (ties Alpha; greater name): during 800, before 300 (10-01, 10-09).
        (
            "2026-10-15",
            "2026-10-20",
            None,
            Some(500.0),
            Some(5.0 / 3.0),
            Some(1.0),
        ),
        // Next (latest start): during 0, before 10-16..10-23 = 1300.
        (
            "2026-10-15",
            "2026-10-25",
            None,
            Some(-1300.0),
            Some(-1.0),
            Some(0.0),
        ),
        // Only Late: during 10-10..12 = 500, before 10-07..09 = 200.
        (
            "2026-10-01",
            "2026-10-31",
            Some("Late"),
            Some(300.0),
            Some(1.5),
            Some(1.0),
        ),
        // No window intersects November.
        ("2026-11-01", "2026-11-30", None, None, None, None),
    ];
    for (from, to, campaign, value, lift, new) in cases {
        let mut f = period(from, to);
        f.campaign = campaign.map(str::to_owned);
        let r = report(&data, &f);
        check(
            &r,
            K::IncrementalSales,
            value,
            None,
            &[(E::Lift, lift), (E::NewCustomers, new)],
        );
    }
    // Previous of 10-15..10-20 is 10-09..10-14: Promo again.
    let r = report(&data, &period("2026-10-15", "2026-10-20"));
    assert_eq!(r.kpis.get(K::IncrementalSales).previous, Some(500.0));
    let names: Vec<&str> = r.campaigns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Alpha", "Late", "Next", "Promo"]);
    let promo = &r.campaigns[3];
    assert_eq!(
        (promo.during, promo.before, promo.incremental),
        (Some(800.0), Some(300.0), Some(500.0))
    );
}

#[test]
fn inferred_windows_use_tagged_calls_and_deals() {
    let mut b = B::new();
    let c = C::default;
    b.call(C {
        agent: "A",
        at: "2026-10-03 10:00",
        campaign: Some("X"),
        ..c()
    })
    .call(C {
        agent: "A",
        at: "2026-10-04 10:00",
        campaign: Some("X"),
        ..c()
    })
    .deal(D {
        agent: "A",
        created: Some("2026-09-01"),
        closed: Some("2026-10-06"),
        amount: 400.0,
        campaign: Some("X"),
        ..D::default()
    })
    .deal(D {
        agent: "B",
        closed: Some("2026-10-01"),
        amount: 100.0,
        ..D::default()
    })
    .deal(D {
        agent: "B",
        closed: Some("2026-10-02"),
        amount: 100.0,
        ..D::default()
    })
    .lead(kpi_support::L {
        lead: Some("l"),
        at: "2026-10-20",
        campaign: Some("Y"),
        ..Default::default()
    });
    // X: 10-03..10-06 (4 days), before 09-29..10-02; Y has no window.
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    check(
        &r,
        K::IncrementalSales,
        Some(200.0),
        None,
        &[(E::Lift, Some(1.0)), (E::NewCustomers, Some(0.0))],
    );
    assert_eq!(r.campaigns.len(), 1);
    // The campaign filter keeps X's deal only, but X's revenue ignores it.
    let mut f = period("2026-10-01", "2026-10-31");
    f.campaign = Some("X".into());
    let r = report(&b.data(), &f);
    check(
        &r,
        K::IncrementalSales,
        Some(200.0),
        None,
        &[(E::Lift, Some(1.0))],
    );
    check(&r, K::MonthlySales, Some(400.0), None, &[]);
    // With a campaigns file that doesn't list X, X has no window.
    b.campaign("Other", "2026-01-01", "2026-01-31");
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    check(&r, K::IncrementalSales, None, None, &[(E::Lift, None)]);
}

#[test]
fn lift_is_null_without_revenue_before() {
    let mut b = B::new();
    b.deal(D {
        agent: "A",
        closed: Some("2026-10-05"),
        amount: 10.0,
        ..D::default()
    })
    .campaign("P", "2026-10-01", "2026-10-10");
    let r = report(&b.data(), &period("2026-10-01", "2026-10-31"));
    check(
        &r,
        K::IncrementalSales,
        Some(10.0),
        None,
        &[(E::Lift, None), (E::NewCustomers, Some(0.0))],
    );
    assert_eq!(r.kpis.get(K::IncrementalSales).status, Status::None);
}
