//! The Web Worker's side of the page: it owns the files, the dataset and the
//! engine, and answers the page's requests ([`crate::protocol`]). The session
//! is plain Rust (tested natively); the shell (wasm only) reads `File`s and
//! carries messages.

pub mod session;
pub mod text_read;
pub mod warm_up;
pub mod windowed;

#[cfg(target_arch = "wasm32")]
pub mod helper;
#[cfg(target_arch = "wasm32")]
pub mod shell;
