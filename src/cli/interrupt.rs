//! Ctrl-C must end `ecolo` with exit 130 and a usable terminal, wherever it
//! lands. Most prompts read keys in raw mode and see Ctrl-C as input (dialoguer
//! returns an `Interrupted` error, mapped to 130), but the hidden-password
//! prompt reads a cooked line with echo off, where Ctrl-C is a SIGINT that
//! would kill us with echo still off. This handler puts back the terminal
//! settings saved at start, shows the cursor, says what happened in the
//! same words as a cancelled prompt (unless a change was already on its way
//! to the desk), and exits 130.
//!
//! While `$EDITOR` runs, Ctrl-C belongs to the editor (vim users press it to
//! leave insert mode): the terminal sends SIGINT to us too, and we let it
//! pass, as git does, instead of dying under a running editor.

#[cfg(unix)]
mod imp {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::OnceLock;

    use crate::client::CHANGE_SENT;

    /// What the handler writes (nothing sent, maybe sent), rendered in the
    /// person's language at `install`: a signal handler may not allocate.
    static MESSAGES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    static SAVED: OnceLock<libc::termios> = OnceLock::new();
    static ERR_TTY: AtomicBool = AtomicBool::new(false);
    static EDITING: AtomicBool = AtomicBool::new(false);

    extern "C" fn on_sigint(_: libc::c_int) {
        if EDITING.load(Ordering::SeqCst) {
            return;
        }
        // Only async-signal-safe calls here: tcsetattr, write, _exit.
        unsafe {
            if let Some(t) = SAVED.get() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
            if ERR_TTY.load(Ordering::Relaxed) {
                let msg = b"\x1b[?25h\n";
                libc::write(libc::STDERR_FILENO, msg.as_ptr().cast(), msg.len());
            }
            if let Some((nothing, maybe)) = MESSAGES.get() {
                let msg = if CHANGE_SENT.load(Ordering::SeqCst) {
                    maybe
                } else {
                    nothing
                };
                libc::write(libc::STDERR_FILENO, msg.as_ptr().cast(), msg.len());
            }
            libc::_exit(130);
        }
    }

    /// Runs `f` (the editor) with Ctrl-C left to the editor. A caught
    /// signal is reset to the default in the child at exec, so the editor
    /// still gets its usual Ctrl-C.
    pub fn while_editing<T>(f: impl FnOnce() -> T) -> T {
        EDITING.store(true, Ordering::SeqCst);
        let out = f();
        EDITING.store(false, Ordering::SeqCst);
        out
    }

    pub fn install() {
        let _ = MESSAGES.set((
            format!(
                "error: {}\n",
                crate::t!("err-cancelled", what = crate::t!("cancel-nothing-sent"))
            )
            .into_bytes(),
            format!("error: {}\n", crate::t!("err-interrupted-maybe-sent")).into_bytes(),
        ));
        unsafe {
            if libc::isatty(libc::STDIN_FILENO) == 1 {
                let mut t = std::mem::MaybeUninit::<libc::termios>::uninit();
                if libc::tcgetattr(libc::STDIN_FILENO, t.as_mut_ptr()) == 0 {
                    let _ = SAVED.set(t.assume_init());
                }
            }
            ERR_TTY.store(libc::isatty(libc::STDERR_FILENO) == 1, Ordering::Relaxed);
            libc::signal(
                libc::SIGINT,
                on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
            );
        }
    }
}

#[cfg(unix)]
pub use imp::{install, while_editing};

#[cfg(not(unix))]
pub fn install() {}

#[cfg(not(unix))]
pub fn while_editing<T>(f: impl FnOnce() -> T) -> T {
    f()
}
