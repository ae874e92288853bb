namespace IceWatch.Silo;

/// <summary>
/// Rate limits shared by every ingest node: one row per limited thing (a publishable key, or a key and
/// a client network) holding the theoretical arrival time of the generic cell rate algorithm, a token
/// bucket kept as a single timestamp. The function takes a token from several cells at once, or from
/// none, under row locks taken in key order (so concurrent callers never deadlock), on the database's
/// clock (so the nodes' clocks do not matter). Unlogged: a database crash only forgets the limits.
/// </summary>
internal static class RateLimitSchema
{
    public const int Version = 10;

    public const string Sql = """
        CREATE UNLOGGED TABLE rate_limit_cells (
            key text PRIMARY KEY,
            tat timestamptz NOT NULL
        );
        CREATE INDEX rate_limit_cells_tat ON rate_limit_cells (tat);

        -- Returns 0 when a token was taken from every cell, else the seconds until one can be (nothing taken).
        CREATE FUNCTION icewatch_take_tokens(keys text[], periods double precision[], bursts integer[])
        RETURNS double precision LANGUAGE plpgsql AS $$
        DECLARE
            now_at timestamptz := clock_timestamp();
            next_tats timestamptz[] := '{}';
            wait double precision := 0;
            cur timestamptz;
            i integer;
        BEGIN
            FOR i IN SELECT g FROM generate_subscripts(keys, 1) AS g ORDER BY keys[g] LOOP
                INSERT INTO rate_limit_cells (key, tat) VALUES (keys[i], now_at) ON CONFLICT (key) DO NOTHING;
                SELECT tat INTO cur FROM rate_limit_cells WHERE key = keys[i] FOR UPDATE;
                next_tats[i] := greatest(cur, now_at) + make_interval(secs => periods[i]);
                wait := greatest(wait, extract(epoch FROM next_tats[i] - now_at) - periods[i] * bursts[i]);
            END LOOP;
            IF wait > 0 THEN
                RETURN wait;
            END IF;
            FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
                UPDATE rate_limit_cells SET tat = next_tats[i] WHERE key = keys[i];
            END LOOP;
            RETURN 0;
        END $$;
        """;
}
