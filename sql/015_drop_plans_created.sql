-- 015: drop plans_created, an index on (id DESC) beside the primary key on
-- (id): a btree is read backwards as well as forwards, so it served no
-- query the primary key does not (the lists use plans_owner), and every
-- stored plan paid for one more index entry.
DROP INDEX plans_created;
