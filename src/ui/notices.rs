//! Messages for the user (duplicates, unreadable files, storage resets),
//! dismissible, announced to screen readers.

use leptos::prelude::*;

use super::state::AppState;
use crate::present::i18n::{t, Msg};

/// The notice list.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || state.notices.get() key=|n| n.id let:n>
                <p class=if n.error { "notice error" } else { "notice" }>
                    <span>{n.text.clone()}</span>
                    <button type="button" class="link" aria-label=move || t(state.lang(), Msg::Dismiss)
                        on:click=move |_| state.notices.update(|list| list.retain(|x| x.id != n.id))>
                        "×"
                    </button>
                </p>
            </For>
        </div>
    }
}
