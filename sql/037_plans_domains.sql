-- 037: the plans table's column rules as domains instead of table CHECK
-- constraints: the same rules, checked at lower cost.
--
-- PostgreSQL reads a table's CHECK constraints from their stored text
-- (stringToNode) and plans them again at every INSERT and UPDATE of the
-- table, where a domain's are read once per connection (the type cache)
-- and only compiled per statement. The nine on plans were a tenth of
-- PostgreSQL's CPU per plan under bench/plans (perf: ExecConstraints,
-- stringToNode, pg_strtok); one INSERT of a plan's row with the table
-- constraints took 0.049-0.054 ms (pgbench -M prepared, 20,000 each),
-- with these domains 0.021-0.030 ms (issue 14). Every shopping-list tick
-- and revision is an UPDATE of the row and gains alike.
--
-- No row is rewritten or scanned: the table constraints go first, then the
-- columns take domains that have no constraint yet (a binary-compatible
-- change), then the domains get their rules NOT VALID, i.e. enforced for
-- every value written from now on without a scan of the rows already
-- there, which the table constraints dropped in this same transaction
-- held. (VALIDATE CONSTRAINT would scan plans once per domain under a
-- lock that holds writes.) shopping_checked's bound stays a table
-- constraint (a domain over an array would change what its updates
-- return).
CREATE DOMAIN plan_revision AS integer;
CREATE DOMAIN plan_diet AS text;
CREATE DOMAIN plan_calories AS integer;
CREATE DOMAIN plan_meal_pattern AS text;
CREATE DOMAIN plan_profile AS text;
CREATE DOMAIN plan_days AS smallint;
CREATE DOMAIN plan_seed AS bigint;
CREATE DOMAIN plan_document AS text;
CREATE DOMAIN plan_generation_ms AS real;

ALTER TABLE plans
	DROP CONSTRAINT plans_revision_check,
	DROP CONSTRAINT plans_diet_check,
	DROP CONSTRAINT plans_calories_check,
	DROP CONSTRAINT plans_meal_pattern_check,
	DROP CONSTRAINT plans_profile_check,
	DROP CONSTRAINT plans_days_check,
	DROP CONSTRAINT plans_seed_check,
	DROP CONSTRAINT plans_document_check,
	DROP CONSTRAINT plans_generation_ms_check;

ALTER TABLE plans
	ALTER COLUMN revision TYPE plan_revision,
	ALTER COLUMN diet TYPE plan_diet,
	ALTER COLUMN calories TYPE plan_calories,
	ALTER COLUMN meal_pattern TYPE plan_meal_pattern,
	ALTER COLUMN profile TYPE plan_profile,
	ALTER COLUMN days TYPE plan_days,
	ALTER COLUMN seed TYPE plan_seed,
	ALTER COLUMN document TYPE plan_document,
	ALTER COLUMN generation_ms TYPE plan_generation_ms;

ALTER DOMAIN plan_revision ADD CONSTRAINT plan_revision_check
	CHECK (VALUE > 0) NOT VALID;
ALTER DOMAIN plan_diet ADD CONSTRAINT plan_diet_check
	CHECK (VALUE IN ('standard', 'vegetarian', 'vegan', 'keto', 'paleo',
	    'mediterranean')) NOT VALID;
ALTER DOMAIN plan_calories ADD CONSTRAINT plan_calories_check
	CHECK (VALUE BETWEEN 800 AND 5000) NOT VALID;
ALTER DOMAIN plan_meal_pattern ADD CONSTRAINT plan_meal_pattern_check
	CHECK (VALUE IN ('3_meals', '3_meals_2_snacks', '5_small_meals',
	    '2_meals', 'omad')) NOT VALID;
ALTER DOMAIN plan_profile ADD CONSTRAINT plan_profile_check
	CHECK (VALUE IN ('athlete', 'older_adult', 'pregnancy')) NOT VALID;
ALTER DOMAIN plan_days ADD CONSTRAINT plan_days_check
	CHECK (VALUE BETWEEN 1 AND 7) NOT VALID;
ALTER DOMAIN plan_seed ADD CONSTRAINT plan_seed_check
	CHECK (VALUE >= 0) NOT VALID;
ALTER DOMAIN plan_document ADD CONSTRAINT plan_document_check
	CHECK (octet_length(VALUE) <= 2097152) NOT VALID;
ALTER DOMAIN plan_generation_ms ADD CONSTRAINT plan_generation_ms_check
	CHECK (VALUE >= 0) NOT VALID;
