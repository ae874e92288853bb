namespace IceWatch.Silo;

/// <summary>
/// Alert rules, notification targets, per-scope alert state (the row each evaluation locks),
/// incidents (read by the dashboards) and the notification outbox.
/// </summary>
internal static class AlertingSchema
{
    public const string Sql = """
        -- scope_kind 'tenant' (scope_value '') holds the tenant's default; 'region' and 'turn_url' override it.
        CREATE TABLE alert_rules (
            tenant_id   uuid NOT NULL REFERENCES tenants (id),
            scope_kind  text NOT NULL CHECK (scope_kind IN ('tenant', 'region', 'turn_url')),
            scope_value text NOT NULL,
            settings    jsonb NOT NULL,
            updated_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, scope_kind, scope_value)
        );

        CREATE TABLE notification_targets (
            id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            tenant_id  uuid NOT NULL REFERENCES tenants (id),
            kind       text NOT NULL CHECK (kind IN ('webhook', 'alertmanager', 'pagerduty')),
            name       text,
            url        text NOT NULL,
            secret     text,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX notification_targets_tenant ON notification_targets (tenant_id);

        CREATE TABLE alert_incidents (
            id              uuid PRIMARY KEY,
            tenant_id       uuid NOT NULL REFERENCES tenants (id),
            scope_kind      text NOT NULL CHECK (scope_kind IN ('region', 'turn_url')),
            scope_value     text NOT NULL,
            rule            text NOT NULL,
            status          text NOT NULL CHECK (status IN ('firing', 'resolved')),
            started_at      timestamptz NOT NULL,
            ended_at        timestamptz,
            peak_rate       double precision NOT NULL,
            peer_connections bigint NOT NULL,
            failed          bigint NOT NULL,
            threshold       double precision NOT NULL,
            categories      jsonb NOT NULL,
            title           text NOT NULL,
            summary         text NOT NULL,
            updated_at      timestamptz NOT NULL,
            current_rate    double precision,
            causes          jsonb NOT NULL DEFAULT '[]',
            worst_sessions  jsonb NOT NULL DEFAULT '[]'
        );
        CREATE INDEX alert_incidents_recent ON alert_incidents (tenant_id, started_at DESC);
        CREATE UNIQUE INDEX alert_incidents_one_firing ON alert_incidents (tenant_id, scope_kind, scope_value, rule) WHERE status = 'firing';

        CREATE TABLE alert_states (
            tenant_id        uuid NOT NULL REFERENCES tenants (id),
            scope_kind       text NOT NULL,
            scope_value      text NOT NULL,
            rule             text NOT NULL,
            state            jsonb NOT NULL,
            incident_id      uuid REFERENCES alert_incidents (id),
            evaluated_at     timestamptz,
            next_resend_at   timestamptz,
            resends          integer NOT NULL DEFAULT 0,
            next_reminder_at timestamptz,
            reminders        integer NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant_id, scope_kind, scope_value, rule)
        );
        CREATE INDEX alert_states_firing ON alert_states (tenant_id) WHERE incident_id IS NOT NULL;

        -- One row per (incident, target, event, seq): a transition or a scheduled resend is queued once.
        CREATE TABLE alert_outbox (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            incident_id     uuid NOT NULL REFERENCES alert_incidents (id),
            target_id       uuid NOT NULL REFERENCES notification_targets (id) ON DELETE CASCADE,
            event           text NOT NULL CHECK (event IN ('fired', 'resolved', 'reminder', 'refresh')),
            seq             integer NOT NULL,
            body            text NOT NULL,
            created_at      timestamptz NOT NULL DEFAULT now(),
            attempts        integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL DEFAULT now(),
            last_error      text,
            done_at         timestamptz,
            outcome         text CHECK (outcome IN ('delivered', 'abandoned', 'superseded')),
            UNIQUE (incident_id, target_id, event, seq)
        );
        CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE done_at IS NULL;
        -- The evaluator's look for recently active regions and TURN URLs of all tenants.
        CREATE INDEX region_minutes_minute ON region_minutes (minute);
        CREATE INDEX turn_minutes_all_minute ON turn_minutes (minute);
        -- Finds the failed peer connections of a window for the page's causes and worst sessions.
        CREATE INDEX verdicts_failed_recent ON verdicts (tenant_id, updated_at) WHERE outcome = 'failed';
        CREATE INDEX alert_outbox_incident_target ON alert_outbox (incident_id, target_id, id) WHERE done_at IS NULL;
        """;
}
