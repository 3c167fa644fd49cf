-- 013_rate_limit_refund.sql - give one hit back to a rate-limit window.
--
-- Some limits count an attempt before its outcome is known (a log-in must
-- be counted before the password is checked, or parallel guesses would
-- all pass), but only the failures should use the allowance up: a busy
-- office behind one address must not be locked out by its own successful
-- log-ins, and a plan request that is refused (400, 422) or fails must not
-- use up the day's plan quota. rate_limit_refund takes one hit off the
-- current window of a key, never below zero, and leaves lockouts alone.
CREATE FUNCTION rate_limit_refund(p_scope text, p_key text, p_window integer)
RETURNS void
LANGUAGE sql AS $$
	-- A window holds at least one hit (a CHECK), so the last one goes
	-- with its row.
	DELETE FROM rate_limits
	WHERE scope = p_scope AND key = p_key AND hits = 1
	  AND window_start = to_timestamp(floor(extract(epoch FROM now()) /
	      p_window) * p_window);
	UPDATE rate_limits SET hits = hits - 1
	WHERE scope = p_scope AND key = p_key AND hits > 1
	  AND window_start = to_timestamp(floor(extract(epoch FROM now()) /
	      p_window) * p_window);
$$;
