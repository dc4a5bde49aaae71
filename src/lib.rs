//! ecolo: the support-ticket client (`ecolo`) and the desk service it talks
//! to (`ecolo-desk`), in one library so both sides share the wire types.

pub mod api;
pub mod cli;
pub mod client;
pub mod desk;
pub mod i18n;
