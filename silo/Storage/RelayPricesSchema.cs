namespace IceWatch.Silo;

/// <summary>
/// Prices per GB of relayed traffic, read by the cost dashboards. A TURN server forwards every byte
/// it receives, so a peer connection's relayed bytes crossed it once inbound and once outbound: the
/// cost of those bytes is GB × (ingress price + egress price) of the best matching row per direction.
/// </summary>
internal static class RelayPricesSchema
{
    public const string Sql = """
        CREATE TABLE relay_prices (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant_id    uuid REFERENCES tenants (id),
            provider     text NOT NULL,
            url_pattern  text NOT NULL,
            direction    text NOT NULL CHECK (direction IN ('ingress', 'egress')),
            price_per_gb numeric(12, 6) NOT NULL CHECK (price_per_gb >= 0),
            currency     text NOT NULL DEFAULT 'USD',
            priority     integer NOT NULL DEFAULT 0
        );
        COMMENT ON TABLE relay_prices IS
            'Price per GB of relayed traffic. url_pattern is a LIKE pattern on the TURN URL; for each direction the matching row of the tenant (or of every tenant when tenant_id is NULL) with the highest priority wins.';
        INSERT INTO relay_prices (provider, url_pattern, direction, price_per_gb, currency, priority) VALUES
            ('default', '%', 'egress', 0.05, 'USD', 0),
            ('default', '%', 'ingress', 0, 'USD', 0);
        """;
}
