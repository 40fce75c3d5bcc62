//! What the dashboard shows for the first time, laid out off screen while
//! the page waits for a file, so the browser's one-time costs fall then and
//! not in the tasks that first show the dashboard:
//! - the cards' characters ([`CARD_GLYPHS`]) in each of the cards' text
//!   styles: the browser finds fonts for them (on 1M calls that lookup made
//!   the task that first shows the cards about twice as long);
//! - a date field, a number field and a disclosure: the browser builds its
//!   first date field's parts and locale formats once (about 5 to 19 ms in
//!   headless Chromium here, against under 1 ms for the next one).

use leptos::prelude::*;

use crate::present::kpi_text::CARD_GLYPHS;

/// Hidden from sight and from assistive technology, its fields disabled;
/// laid out all the same.
#[component]
pub fn Warmup() -> impl IntoView {
    view! {
        <div class="warmup" aria-hidden="true">
            <span class="kpi-name">{CARD_GLYPHS}</span>
            <span class="kpi-value">{CARD_GLYPHS}</span>
            <span class="kpi-status">
                <span class="badge">{CARD_GLYPHS}</span>
                <span class="kpi-target">{CARD_GLYPHS}</span>
            </span>
            <span class="kpi-previous">
                {CARD_GLYPHS}
                <span class="kpi-change">{CARD_GLYPHS}</span>
            </span>
            <input type="date" disabled tabindex="-1" />
            <input type="number" disabled tabindex="-1" />
            <details>
                <summary tabindex="-1"></summary>
            </details>
        </div>
    }
}
