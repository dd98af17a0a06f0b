-- Enum values are stored as their proto names, which now carry their enum's name as a prefix
-- (buf's ENUM_VALUE_PREFIX: 'RED' is now 'RATING_RED'). For each enum column: the CHECK constraints
-- on it are dropped, its values prefixed, and the same checks added again with prefixed literals.
DO $$
DECLARE
  spec TEXT[];
  con RECORD;
  defs TEXT[];
  def TEXT;
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
    ['funding_stream', 'block', 'LAA_BLOCK_'],
    ['funding_stream', 'arrangement', 'ARRANGEMENT_'],
    ['allocation', 'capital_status', 'AMOUNT_STATUS_'],
    ['allocation', 'revenue_status', 'AMOUNT_STATUS_'],
    ['commitment', 'kind', 'COMMITMENT_KIND_'],
    ['commitment_amount', 'status', 'AMOUNT_STATUS_']
  ] LOOP
    defs := ARRAY[]::TEXT[];
    FOR con IN
      SELECT c.conname, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'c' AND c.conrelid = spec[1]::regclass AND a.attname = spec[2]
    LOOP
      EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', spec[1], con.conname);
      defs := defs || regexp_replace(con.def, '''([A-Z][A-Z0-9_]*)''', '''' || spec[3] || '\1''', 'g');
    END LOOP;
    EXECUTE format('UPDATE %I SET %I = %L || %I WHERE %I IS NOT NULL AND %I NOT LIKE %L',
        spec[1], spec[2], spec[3], spec[2], spec[2], spec[2], spec[3] || '%');
    FOREACH def IN ARRAY defs LOOP
      EXECUTE format('ALTER TABLE %I ADD %s', spec[1], def);
    END LOOP;
  END LOOP;
END $$;
