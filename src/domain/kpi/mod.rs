//! The 15 telesales KPIs (KPIS.md) computed over a [`crate::domain::model::Dataset`].
