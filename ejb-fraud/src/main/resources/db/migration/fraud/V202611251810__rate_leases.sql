-- Servers lease request budgets in slices: each raise of a rate window records how many hits it
-- granted (the last lease), which the statement returns to the server that asked.
ALTER TABLE fraud.rate_counter ADD COLUMN granted int NOT NULL DEFAULT 1;
