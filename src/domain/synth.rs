//! A deterministic synthetic data generator: demo data for the page, inputs
//! for benchmarks and tests.
