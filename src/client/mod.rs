//! ApiClient: the one way the command line talks to the desk.
