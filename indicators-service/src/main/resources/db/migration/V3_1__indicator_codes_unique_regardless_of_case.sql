-- Indicator codes are compared without regard to case: FZ-X and fz-x are one indicator's code.
-- The service checks this on create and import; the index keeps it true under concurrent creates.
CREATE UNIQUE INDEX indicator_code_lower ON indicator (lower(code));
