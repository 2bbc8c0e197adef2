package dev.phoenixkit.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoenixkit.migrations.support.Sql;
import dev.phoenixkit.migrations.support.TestDatabases;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The end state of a fresh migration matches the reference (docs/phoenixkit-reference.md#1-1, #9-2) exactly.
 */
class SchemaShapeTest {

    private static Sql sql;

    @BeforeAll
    static void migrate() {
        TestDatabases.TestDatabase database = TestDatabases.newDatabase();
        sql = new Sql(database.dataSource());
        Migrator.create(database.dataSource()).migrate();
    }

    @Test
    void settingsTableWhenMigratedThenMatchesReferenceShape() {
        assertThat(sql.columns("public", "phoenix_kit_settings"))
                .containsExactly(
                        "date_added timestamp with time zone NOT NULL DEFAULT now()",
                        "date_updated timestamp with time zone NOT NULL DEFAULT now()",
                        "key character varying(255) NOT NULL",
                        "module character varying(255)",
                        "uuid uuid NOT NULL DEFAULT uuid_generate_v7()",
                        "value character varying(255)",
                        "value_json jsonb");
        assertThat(sql.indexDefinitions("public", "phoenix_kit_settings"))
                .containsExactly(
                        "CREATE INDEX phoenix_kit_settings_key_prefix_idx ON public.phoenix_kit_settings"
                                + " USING btree (key text_pattern_ops)",
                        "CREATE UNIQUE INDEX phoenix_kit_settings_key_uidx ON public.phoenix_kit_settings USING btree (key)",
                        "CREATE UNIQUE INDEX phoenix_kit_settings_pkey ON public.phoenix_kit_settings USING btree (uuid)",
                        "CREATE UNIQUE INDEX phoenix_kit_settings_uuid_idx ON public.phoenix_kit_settings USING btree (uuid)");
        assertThat(sql.value("""
                SELECT conname FROM pg_constraint
                 WHERE conrelid = 'public.phoenix_kit_settings'::regclass AND contype = 'p'
                """)).isEqualTo("phoenix_kit_settings_pkey");
    }

    @Test
    void aiEndpointsTableWhenMigratedThenMatchesReferenceShape() {
        assertThat(sql.columns("public", "phoenix_kit_ai_endpoints"))
                .containsExactly(
                        "api_key text NOT NULL",
                        "base_url character varying(255)",
                        "description character varying(500)",
                        "dimensions integer",
                        "enabled boolean NOT NULL DEFAULT true",
                        "frequency_penalty double precision",
                        "image_quality character varying(20)",
                        "image_size character varying(20)",
                        "inserted_at timestamp with time zone NOT NULL",
                        "integration_uuid uuid",
                        "last_validated_at timestamp with time zone",
                        "max_tokens integer",
                        "model character varying(150) NOT NULL",
                        "name character varying(100) NOT NULL",
                        "presence_penalty double precision",
                        "provider character varying(50) NOT NULL DEFAULT 'openrouter'::character varying",
                        "provider_settings jsonb DEFAULT '{}'::jsonb",
                        "reasoning_effort character varying(20)",
                        "reasoning_enabled boolean",
                        "reasoning_exclude boolean",
                        "reasoning_max_tokens integer",
                        "repetition_penalty double precision",
                        "seed integer",
                        "sort_order integer NOT NULL DEFAULT 0",
                        "stop character varying(255)[]",
                        "temperature double precision DEFAULT 0.7",
                        "top_k integer",
                        "top_p double precision",
                        "updated_at timestamp with time zone NOT NULL",
                        "uuid uuid NOT NULL DEFAULT uuid_generate_v7()");
        assertThat(sql.indexDefinitions("public", "phoenix_kit_ai_endpoints"))
                .containsExactly(
                        "CREATE INDEX phoenix_kit_ai_endpoints_enabled_idx ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (enabled)",
                        "CREATE INDEX phoenix_kit_ai_endpoints_integration_uuid_index ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (integration_uuid)",
                        "CREATE UNIQUE INDEX phoenix_kit_ai_endpoints_name_index ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (lower((name)::text))",
                        "CREATE UNIQUE INDEX phoenix_kit_ai_endpoints_pkey ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (uuid)",
                        "CREATE INDEX phoenix_kit_ai_endpoints_sort_order_idx ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (sort_order)",
                        "CREATE UNIQUE INDEX phoenix_kit_ai_endpoints_uuid_idx ON public.phoenix_kit_ai_endpoints"
                                + " USING btree (uuid)");
        assertThat(sql.value("""
                SELECT count(*) FROM pg_constraint
                 WHERE conrelid = 'public.phoenix_kit_ai_endpoints'::regclass AND contype = 'f'
                """)).as("integration_uuid has no foreign key").isEqualTo("0");
    }

    @Test
    void projectsTableWhenMigratedThenHasV101ColumnsAndV106Indexes() {
        assertThat(sql.columns("public", "phoenix_kit_projects"))
                .containsExactly(
                        "completed_at timestamp with time zone",
                        "counts_weekends boolean NOT NULL DEFAULT false",
                        "description text",
                        "inserted_at timestamp with time zone NOT NULL DEFAULT now()",
                        "is_template boolean NOT NULL DEFAULT false",
                        "name character varying(255) NOT NULL",
                        "scheduled_start_date date",
                        "start_mode character varying(20) NOT NULL DEFAULT 'immediate'::character varying",
                        "started_at timestamp with time zone",
                        "status character varying(20) NOT NULL DEFAULT 'active'::character varying",
                        "updated_at timestamp with time zone NOT NULL DEFAULT now()",
                        "uuid uuid NOT NULL DEFAULT uuid_generate_v7()");
        assertThat(sql.indexes("public", "phoenix_kit_projects"))
                .containsExactly(
                        "phoenix_kit_projects_name_project_index", "phoenix_kit_projects_name_template_index",
                        "phoenix_kit_projects_pkey", "phoenix_kit_projects_status_index");
    }

    @Test
    void versionTableWhenMigratedThenCarriesMarkerAsComment() {
        assertThat(sql.columns("public", "phoenix_kit"))
                .containsExactly(
                        "id integer NOT NULL DEFAULT nextval('phoenix_kit_id_seq'::regclass)",
                        "migrated_at timestamp(0) without time zone DEFAULT now()",
                        "version integer NOT NULL");
        assertThat(sql.marker("public")).isEqualTo("107");
        assertThat(sql.value("SELECT count(*) FROM pg_extension WHERE extname IN ('citext', 'pgcrypto')"))
                .isEqualTo("2");
    }

    @Test
    void auditTableWhenMigratedThenMatchesLibraryDefinition() {
        assertThat(sql.columns("public", "phoenix_kit_integration_audit"))
                .containsExactly(
                        "action character varying(64) NOT NULL",
                        "actor_uuid uuid",
                        "id bigint NOT NULL GENERATED ALWAYS AS IDENTITY",
                        "integration_uuid uuid",
                        "metadata jsonb NOT NULL DEFAULT '{}'::jsonb",
                        "mode character varying(8) NOT NULL DEFAULT 'manual'::character varying",
                        "name character varying(255)",
                        "occurred_at timestamp with time zone NOT NULL DEFAULT now()",
                        "provider character varying(255)");
        assertThat(sql.indexDefinitions("public", "phoenix_kit_integration_audit"))
                .containsExactly(
                        "CREATE INDEX phoenix_kit_integration_audit_integration_uuid_idx"
                                + " ON public.phoenix_kit_integration_audit USING btree (integration_uuid, occurred_at)",
                        "CREATE INDEX phoenix_kit_integration_audit_occurred_at_idx"
                                + " ON public.phoenix_kit_integration_audit USING btree (occurred_at)",
                        "CREATE UNIQUE INDEX phoenix_kit_integration_audit_pkey"
                                + " ON public.phoenix_kit_integration_audit USING btree (id)");
    }

    @Test
    @DisplayName("the audit table accepts inserts and rejects UPDATE, DELETE and TRUNCATE")
    void auditTableWhenChangedThenRejectsEverythingButInsert() {
        sql.execute("INSERT INTO phoenix_kit_integration_audit (action, provider, name) VALUES ('created', 'x', 'y')");
        String id = sql.value("SELECT max(id) FROM phoenix_kit_integration_audit");
        assertThat(sql.rows("SELECT mode, metadata::text FROM phoenix_kit_integration_audit WHERE id = " + id))
                .containsExactly(java.util.List.of("manual", "{}"));

        assertThatThrownBy(() -> sql.execute("UPDATE phoenix_kit_integration_audit SET action = 'x'"))
                .hasMessageContaining("append-only")
                .hasMessageContaining("UPDATE");
        assertThatThrownBy(() -> sql.execute("DELETE FROM phoenix_kit_integration_audit"))
                .hasMessageContaining("append-only")
                .hasMessageContaining("DELETE");
        assertThatThrownBy(() -> sql.execute("TRUNCATE phoenix_kit_integration_audit"))
                .hasMessageContaining("append-only")
                .hasMessageContaining("TRUNCATE");
        assertThatThrownBy(() -> sql.execute(
                        "INSERT INTO phoenix_kit_integration_audit (action, mode) VALUES ('created', 'robot')"))
                .hasMessageContaining("check constraint");
        assertThat(sql.value("SELECT count(*) FROM phoenix_kit_integration_audit WHERE id = " + id))
                .isEqualTo("1");
    }

    @Test
    void uuidGenerateV7WhenCalledThenReturnsVersion7VariantRfcUuids() {
        for (String value : sql.column("SELECT uuid_generate_v7()::text FROM generate_series(1, 50)")) {
            UUID uuid = UUID.fromString(value);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        String millis = sql.value("SELECT ('x' || substr(replace(uuid_generate_v7()::text, '-', ''), 1, 12))::bit(48)"
                + "::bigint - (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
        assertThat(Math.abs(Long.parseLong(millis)))
                .as("timestamp part is the current Unix time in ms")
                .isLessThan(60_000);
    }

    @Test
    void settingsSeedsWhenMigratedThenPresentWithSystemModule() {
        assertThat(sql.rows("SELECT key, value, module FROM phoenix_kit_settings ORDER BY key"))
                .containsExactly(
                        java.util.List.of("date_format", "Y-m-d", "system"),
                        java.util.List.of("time_format", "H:i", "system"),
                        java.util.List.of("time_zone", "0", "system"));
    }
}
