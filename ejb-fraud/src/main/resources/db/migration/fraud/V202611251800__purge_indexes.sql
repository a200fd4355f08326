-- The hourly purge finds expired velocity hours and rate windows through these indexes and deletes
-- them in small batches, instead of scanning the whole tables under one long transaction.
CREATE INDEX velocity_bucket_ix ON fraud.velocity (bucket);
CREATE INDEX rate_counter_window_ix ON fraud.rate_counter (window_start);
