//! The cards' characters laid out off screen while the page waits for a
//! file ([`CARD_GLYPHS`] in each of the cards' text styles), so the browser
//! finds fonts for them then, not in the task that first shows the cards
//! (on 1M calls that lookup made that task about twice as long).

use leptos::prelude::*;

use crate::present::kpi_text::CARD_GLYPHS;

/// Hidden from sight and from assistive technology; laid out all the same.
#[component]
pub fn GlyphWarmup() -> impl IntoView {
    view! {
        <div class="glyph-warmup" aria-hidden="true">
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
        </div>
    }
}
