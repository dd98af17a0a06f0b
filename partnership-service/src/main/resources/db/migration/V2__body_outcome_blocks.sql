-- Blocks under which the agreement lists a body's outcomes (the LAA Simple View's grouping), one per
-- line like body.blocks; kept apart from blocks, which says the body leads the block.
ALTER TABLE body ADD COLUMN outcome_blocks TEXT NOT NULL DEFAULT '' CHECK (length(outcome_blocks) <= 1000);
