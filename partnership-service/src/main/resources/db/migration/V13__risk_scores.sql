-- The risk register kept live: likelihood and impact scored 1 to 5 (0: not scored, as imported risks
-- whose paper words them), a review date, a status, and a version for etags. The words as printed stay
-- in likelihood and impact.
ALTER TABLE risk ADD COLUMN likelihood_score INTEGER NOT NULL DEFAULT 0 CHECK (likelihood_score BETWEEN 0 AND 5);
ALTER TABLE risk ADD COLUMN impact_score INTEGER NOT NULL DEFAULT 0 CHECK (impact_score BETWEEN 0 AND 5);
ALTER TABLE risk ADD COLUMN review_date DATE;
ALTER TABLE risk ADD COLUMN status TEXT CHECK (status IN ('RISK_STATUS_OPEN', 'RISK_STATUS_CLOSED'));
ALTER TABLE risk ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
