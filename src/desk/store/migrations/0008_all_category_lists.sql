-- Issue 11: the lists of an agent who works every category. They were a
-- merge of one index range per category and status (the agents' queue:
-- 6 categories x 2 waiting statuses, 12 ranges), 1.6 to 2.4 times the cost
-- of a customer's first page at a million tickets. With these, such a list
-- has no category condition and is one range per status (tickets.rs,
-- list_statement).
CREATE INDEX tickets_queue_by_status ON tickets(status, waiting_since, number);
CREATE INDEX tickets_by_status_created ON tickets(status, created_at, number);
