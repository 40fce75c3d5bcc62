//! KPI targets, the article's presets, and the met/near/missed status.
