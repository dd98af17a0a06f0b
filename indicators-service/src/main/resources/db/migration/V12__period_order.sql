-- A report walks periods from the latest back until it has found its indicator's latest periods with figures
-- (ReportFigures): in this order, so that it stops there instead of sorting every period first.
CREATE INDEX period_order ON period (start_date, end_date, id);
