//! Logging in and out, and who the credentials act as. These are top-level
//! commands (`ecolo login`), grouped here because they share the profile.

pub mod login;
pub mod logout;
pub mod whoami;
