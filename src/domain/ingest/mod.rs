//! Reading input files (DATA.md) into [`crate::domain::model`] tables.
