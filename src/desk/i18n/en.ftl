# The desk's problem details in English. Every message has a twin with the
# same placeholders in es.ftl (a test checks it). Problem `title`s and field
# names are never translated: clients match on them.

problem-invalid-fields = the request has invalid fields; see `errors`
problem-internal = internal error; the desk's log has the details
problem-rate-limited = too many failed attempts: try again in { $secs } seconds
problem-storage-busy = the desk's storage is busy (the database is locked by another writer); nothing was changed: try again in { $secs } seconds
problem-storage-full = the desk's storage is full (no space left on its disk); nothing was stored: try again once the desk's operator has freed space
problem-no-route = no such route: see /v1/openapi.json
problem-wrong-method = this route does not take that method: see /v1/openapi.json
problem-no-credentials = no credentials: run `ecolo login` (or set ECOLO_TOKEN) and send `Authorization: Bearer <token>`
problem-auth-not-text = the Authorization header is not text: run `ecolo login`
problem-auth-not-bearer = use `Authorization: Bearer <token>`: run `ecolo login`
problem-too-large = the request body is larger than this desk accepts
