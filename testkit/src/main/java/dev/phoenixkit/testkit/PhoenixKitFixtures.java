package dev.phoenixkit.testkit;

import dev.phoenixkit.testkit.internal.PhoenixKitV114;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Builds databases the way PhoenixKit (Elixir) leaves them, written from PhoenixKit's source and independently of
 * this library's migrator, so tests can check what the library reads and writes against what PhoenixKit would.
 *
 * <ul>
 *   <li>{@link #v180(DataSource, String)}: a current PhoenixKit (2.x) database. The version, settings and
 *       AI-endpoint tables in their V135-baseline shape plus the deltas to V180 that touch them or an integration
 *       reference (V152 {@code phoenix_kit_email_send_profiles}, V160 {@code phoenix_kit_settings.value} as
 *       {@code text}, V175 {@code phoenix_kit_buckets.integration_uuid}), the V135 seed settings, marker
 *       {@code '180'}, and the integration rows of {@link #V180_INTEGRATIONS} as PhoenixKit writes them: uuid keys
 *       ({@code key = uuid::text}, {@code module = 'integrations'}, {@code value} NULL, provider and name only in
 *       {@code value_json}), system and owner-scoped rows, free-form and duplicate names, plaintext and
 *       {@code enc:v1} secrets (under {@link #SECRET_KEY_BASE}), providers this library does not know, and
 *       unknown fields.</li>
 *   <li>{@link #v113(DataSource, String)}: a PhoenixKit 1.7 database at V113, the last version with composite
 *       keys ({@code integration:<provider>:<name>}), including a legacy bare {@code integration:google} key and
 *       rows whose JSON provider/name are empty or differ from the key; marker {@code '113'}.</li>
 *   <li>{@link #v114(DataSource, String)}: that V113 database after PhoenixKit's V114 up step (the SQL of
 *       {@code v114.ex}, applied by this class, not by the library), marker {@code '114'}.</li>
 * </ul>
 *
 * <p>None of them contains this library's own tables (the library track, the history table): run
 * {@code Migrator.create(dataSource).schema(schema).migrate()} to add them, as a host would. Only the tables the
 * integrations system touches are created, not PhoenixKit's other ~200. Call each method on an empty database
 * ({@link PostgresServer#createEmptyDatabase()}); the schema is created when missing. Stateless and thread-safe.
 *
 * <p>Sources: {@code lib/phoenix_kit/migrations/postgres/v135.ex} (tables, seeds, marker), {@code v152.ex},
 * {@code v160.ex}, {@code v175.ex}, {@code v114.ex} before the squash ({@code af86e3af^}) and
 * {@code lib/phoenix_kit/integrations/integrations.ex} (row shape), summarised in
 * {@code /work/shared/reference/phoenix-kit-since-v107.md} §1–2.
 */
public final class PhoenixKitFixtures {

    /** The host's {@code secret_key_base} the {@code enc:v1} values of the fixtures are encrypted under. */
    public static final String SECRET_KEY_BASE =
            "fixture-secret-key-base-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRST";

    /** The user that owns the {@code "user"}-scoped rows. */
    public static final UUID USER_UUID = UUID.fromString("0190a000-0000-7000-8000-00000000aaaa");

    /** The owner of the row whose {@code owner_type} PhoenixKit does not know. */
    public static final UUID OTHER_OWNER_UUID = UUID.fromString("0190a000-0000-7000-8000-00000000bbbb");

    /** V180: system {@code openai} api-key row named {@code "Production key"}, {@code api_key} as {@code enc:v1}. */
    public static final UUID OPENAI_PRODUCTION = uuid(101);
    /** V180: system {@code openrouter} row {@code "Team Key"}, plaintext {@code api_key}, a success note. */
    public static final UUID OPENROUTER_TEAM_KEY = uuid(102);
    /** V180: system {@code openrouter} row {@code "team key"} (a case-insensitive duplicate, added later). */
    public static final UUID OPENROUTER_TEAM_KEY_DUPLICATE = uuid(103);
    /** V180: system {@code openrouter} row {@code "team key"} again, exact duplicate, added last. */
    public static final UUID OPENROUTER_TEAM_KEY_EXACT_DUPLICATE = uuid(104);
    /** V180: system {@code google} OAuth2 row {@code "default"}, connected, every secret {@code enc:v1}. */
    public static final UUID GOOGLE_DEFAULT = uuid(105);
    /** V180: system {@code google} row {@code "Work account"}, setup saved, never connected. */
    public static final UUID GOOGLE_WORK = uuid(106);
    /** V180: {@code openrouter} row {@code "My key"} owned by {@code ("user", USER_UUID)}. */
    public static final UUID OPENROUTER_PERSONAL = uuid(107);
    /** V180: {@code telegram} row owned by {@link #USER_UUID} without {@code owner_type} (a pre-typed row: user). */
    public static final UUID TELEGRAM_PRETYPED_PERSONAL = uuid(108);
    /** V180: {@code openrouter} row with {@code owner_type "galaxy"} (unknown to PhoenixKit: matches nothing). */
    public static final UUID OPENROUTER_UNKNOWN_OWNER_TYPE = uuid(109);
    /** V180: system {@code smtp} row, plaintext {@code password}, string form values; the default email one. */
    public static final UUID SMTP_MAIL = uuid(110);
    /** V180: system {@code aws_ses} row, {@code secret_key} as {@code enc:v1}, {@code aws_region}. */
    public static final UUID AWS_SES = uuid(111);
    /** V180: system row of provider {@code acme_crm}, which neither PhoenixKit nor the library knows. */
    public static final UUID UNKNOWN_PROVIDER = uuid(112);
    /** V180: system {@code mistral} row in {@code status "error"} after a failed validation. */
    public static final UUID MISTRAL_ERROR = uuid(113);

    /** Every integration row of {@link #v180(DataSource, String)}, oldest first. */
    public static final List<UUID> V180_INTEGRATIONS = List.of(
            OPENAI_PRODUCTION,
            OPENROUTER_TEAM_KEY,
            OPENROUTER_TEAM_KEY_DUPLICATE,
            OPENROUTER_TEAM_KEY_EXACT_DUPLICATE,
            GOOGLE_DEFAULT,
            GOOGLE_WORK,
            OPENROUTER_PERSONAL,
            TELEGRAM_PRETYPED_PERSONAL,
            OPENROUTER_UNKNOWN_OWNER_TYPE,
            SMTP_MAIL,
            AWS_SES,
            UNKNOWN_PROVIDER,
            MISTRAL_ERROR);

    /** The AI endpoint of the V180 fixture pinned to {@link #OPENROUTER_TEAM_KEY}. */
    public static final UUID AI_ENDPOINT_PINNED = uuid(201);
    /** The AI endpoint of the V180 fixture with no pin ({@code provider 'openai'}). */
    public static final UUID AI_ENDPOINT_UNPINNED = uuid(202);
    /** The email send profile of the V180 fixture, pointing at {@link #SMTP_MAIL}. */
    public static final UUID SEND_PROFILE = uuid(301);

    /** V113: {@code integration:openai:default}. */
    public static final UUID V113_OPENAI_DEFAULT = uuid(401);
    /** V113: {@code integration:openrouter:team-key}, first of two with the JSON name {@code team-key}. */
    public static final UUID V113_OPENROUTER_TEAM_KEY = uuid(402);
    /** V113: {@code integration:google:work}, connected. */
    public static final UUID V113_GOOGLE_WORK = uuid(403);
    /** V113: the legacy bare key {@code integration:google} (V114 names it {@code "default"}). */
    public static final UUID V113_GOOGLE_LEGACY = uuid(404);
    /** V113: {@code integration:mistral:eu} with empty JSON provider and name (V114 takes the key's). */
    public static final UUID V113_MISTRAL_EMPTY_JSON = uuid(405);
    /**
     * V113: {@code integration:openrouter:renamed-later} whose JSON name is {@code team-key} (JSON wins in V114,
     * so after V114 two openrouter rows share the name {@code team-key}; V114's down step suffixes the newer).
     */
    public static final UUID V113_OPENROUTER_JSON_NAME_WINS = uuid(406);

    /** Every integration row of {@link #v113(DataSource, String)}, oldest first. */
    public static final List<UUID> V113_INTEGRATIONS = List.of(
            V113_OPENAI_DEFAULT,
            V113_OPENROUTER_TEAM_KEY,
            V113_GOOGLE_WORK,
            V113_GOOGLE_LEGACY,
            V113_MISTRAL_EMPTY_JSON,
            V113_OPENROUTER_JSON_NAME_WINS);

    /** PhoenixKit's chain lock key, {@code :erlang.crc32("phoenix_kit.migrations.repair")}. */
    public static final long PHOENIX_KIT_CHAIN_LOCK = 208068035L;

    private static final Pattern PHOENIX_KIT_PREFIX = Pattern.compile("[a-z_][a-z0-9_]*");

    private PhoenixKitFixtures() {}

    /**
     * {@link #v180(DataSource, String)} in {@code public}.
     *
     * @param dataSource an empty database
     */
    public static void v180(DataSource dataSource) {
        v180(dataSource, "public");
    }

    /**
     * Builds a current PhoenixKit database (marker {@code '180'}) with the rows of {@link #V180_INTEGRATIONS}.
     *
     * @param dataSource an empty database
     * @param schema     PhoenixKit's prefix ({@code [a-z_][a-z0-9_]*}, PhoenixKit's own rule)
     * @throws IllegalArgumentException when {@code schema} is not a prefix PhoenixKit accepts
     * @throws IllegalStateException    when a statement fails
     */
    public static void v180(DataSource dataSource, String schema) {
        String p = qualified(schema);
        List<String> ddl = new ArrayList<>(baseline(schema, true));
        // V152: send profiles (core email), bare uuids of integration rows, no FK.
        ddl.add("""
                CREATE TABLE %1$sphoenix_kit_email_send_profiles (
                  uuid UUID PRIMARY KEY DEFAULT %1$suuid_generate_v7(),
                  name VARCHAR(255) NOT NULL,
                  integration_uuid UUID NOT NULL,
                  provider_kind VARCHAR(40) NOT NULL,
                  from_name VARCHAR(255), from_email VARCHAR(255), reply_to VARCHAR(255),
                  signature_html TEXT, signature_text TEXT,
                  rate_per_hour INTEGER, rate_per_day INTEGER, pause_seconds INTEGER DEFAULT 0,
                  advanced JSONB NOT NULL DEFAULT '{}'::jsonb,
                  enabled BOOLEAN NOT NULL DEFAULT TRUE,
                  is_default BOOLEAN NOT NULL DEFAULT FALSE,
                  inserted_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
                  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
                )""".formatted(p));
        ddl.add("CREATE INDEX idx_email_send_profiles_integration ON %1$sphoenix_kit_email_send_profiles".formatted(p)
                + " (integration_uuid)");
        ddl.add("CREATE UNIQUE INDEX idx_email_send_profiles_default ON %1$sphoenix_kit_email_send_profiles"
                        .formatted(p)
                + " (is_default) WHERE is_default = TRUE");
        // V160: settings.value becomes text.
        ddl.add("ALTER TABLE " + p + "phoenix_kit_settings ALTER COLUMN value TYPE TEXT");
        // V175: buckets point at object_storage integrations; the secret holds enc:v1 text.
        ddl.add("ALTER TABLE " + p + "phoenix_kit_buckets ADD COLUMN IF NOT EXISTS integration_uuid UUID");
        ddl.add("CREATE INDEX IF NOT EXISTS phoenix_kit_buckets_integration_uuid_idx ON " + p
                + "phoenix_kit_buckets (integration_uuid) WHERE integration_uuid IS NOT NULL");
        ddl.add("ALTER TABLE " + p + "phoenix_kit_buckets ALTER COLUMN secret_access_key TYPE TEXT");
        ddl.add("COMMENT ON TABLE " + p + "phoenix_kit IS '180'");

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, ddl);
            seedV180(connection, p);
            connection.commit();
        } catch (SQLException e) {
            throw failure("build the V180 fixture in schema " + schema, e);
        }
    }

    /**
     * {@link #v113(DataSource, String)} in {@code public}.
     *
     * @param dataSource an empty database
     */
    public static void v113(DataSource dataSource) {
        v113(dataSource, "public");
    }

    /**
     * Builds a PhoenixKit 1.7 database at V113 (composite keys, marker {@code '113'}) with the rows of
     * {@link #V113_INTEGRATIONS}.
     *
     * @param dataSource an empty database
     * @param schema     PhoenixKit's prefix ({@code [a-z_][a-z0-9_]*})
     * @throws IllegalArgumentException when {@code schema} is not a prefix PhoenixKit accepts
     * @throws IllegalStateException    when a statement fails
     */
    public static void v113(DataSource dataSource, String schema) {
        String p = qualified(schema);
        List<String> ddl = new ArrayList<>(baseline(schema, false));
        ddl.add("COMMENT ON TABLE " + p + "phoenix_kit IS '113'");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, ddl);
            seedV113(connection, p);
            connection.commit();
        } catch (SQLException e) {
            throw failure("build the V113 fixture in schema " + schema, e);
        }
    }

    /**
     * {@link #v114(DataSource, String)} in {@code public}.
     *
     * @param dataSource an empty database
     */
    public static void v114(DataSource dataSource) {
        v114(dataSource, "public");
    }

    /**
     * Builds the V113 database of {@link #v113(DataSource, String)} and applies PhoenixKit's V114 up statement to
     * it (this class's own copy of {@code v114.ex}), marker {@code '114'}: every row keyed by its uuid, provider
     * and name in JSON, same uuids.
     *
     * @param dataSource an empty database
     * @param schema     PhoenixKit's prefix ({@code [a-z_][a-z0-9_]*})
     */
    public static void v114(DataSource dataSource, String schema) {
        v113(dataSource, schema);
        String p = qualified(schema);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, List.of(PhoenixKitV114.up(p), "COMMENT ON TABLE " + p + "phoenix_kit IS '114'"));
            connection.commit();
        } catch (SQLException e) {
            throw failure("apply PhoenixKit's V114 to the V113 fixture in schema " + schema, e);
        }
    }

    /**
     * Encrypts as PhoenixKit's {@code Encryption.encrypt/1} does under {@link #SECRET_KEY_BASE}: AES-256-GCM,
     * key {@code SHA-256("phoenix_kit_integrations:" + secret)}, {@code enc:v1:} + Base64(iv 12 | tag 16 | ct).
     *
     * @param plaintext the value
     * @return the {@code enc:v1:} text
     */
    public static String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, iv));
            byte[] out = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] ct = Arrays.copyOfRange(out, 0, out.length - 16);
            byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
            return "enc:v1:"
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(28 + ct.length)
                                    .put(iv)
                                    .put(tag)
                                    .put(ct)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java platform", e);
        }
    }

    /**
     * Decrypts an {@code enc:v1:} value as PhoenixKit's {@code Encryption.decrypt/1} does under
     * {@link #SECRET_KEY_BASE}; any other text is returned as it is (PhoenixKit reads plaintext values).
     *
     * @param stored the stored value
     * @return the plaintext
     * @throws IllegalArgumentException when an {@code enc:v1:} value does not decrypt under the fixture key
     */
    public static String decrypt(String stored) {
        Objects.requireNonNull(stored, "stored");
        if (!stored.startsWith("enc:v1:")) {
            return stored;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(stored.substring(7));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key(), "AES"),
                    new GCMParameterSpec(128, Arrays.copyOfRange(raw, 0, 12)));
            byte[] joined = ByteBuffer.allocate(raw.length - 12)
                    .put(raw, 28, raw.length - 28)
                    .put(raw, 12, 16)
                    .array();
            return new String(gcm.doFinal(joined), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("The value does not decrypt under the fixture's secret_key_base");
        }
    }

    private static byte[] key() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256")
                .digest(("phoenix_kit_integrations:" + SECRET_KEY_BASE).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(int n) {
        return UUID.fromString(String.format("0190f000-0000-7000-8000-%012d", n));
    }

    private static String qualified(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!PHOENIX_KIT_PREFIX.matcher(schema).matches()) {
            throw new IllegalArgumentException(
                    "PhoenixKit accepts only prefixes matching [a-z_][a-z0-9_]*, not '" + schema + "'");
        }
        return "\"" + schema + "\".";
    }

    /**
     * The V135 baseline shapes of the tables the integrations system uses ({@code v135.ex:61, 138, 323, 844} and
     * their indexes and keys). {@code current} false gives the V113 shapes: the same columns (the squash kept
     * them), the V01 version table.
     */
    private static List<String> baseline(String schema, boolean current) {
        String p = qualified(schema);
        String pn = "public".equals(schema) ? "" : schema + "_";
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
        ddl.add("CREATE EXTENSION IF NOT EXISTS citext");
        ddl.add("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        ddl.add("""
                DO $do$
                DECLARE
                  crypto_schema name;
                BEGIN
                  SELECT n.nspname INTO crypto_schema
                    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                   WHERE e.extname = 'pgcrypto';
                  EXECUTE format($fn$
                    CREATE OR REPLACE FUNCTION %%1$I.uuid_generate_v7() RETURNS uuid
                    LANGUAGE plpgsql VOLATILE AS $body$
                    DECLARE
                      uuid_bytes bytea;
                    BEGIN
                      uuid_bytes := substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)
                                              FROM 3) || %%2$I.gen_random_bytes(10);
                      uuid_bytes := set_byte(uuid_bytes, 6, (get_byte(uuid_bytes, 6) & 15) | 112);
                      uuid_bytes := set_byte(uuid_bytes, 8, (get_byte(uuid_bytes, 8) & 63) | 128);
                      RETURN encode(uuid_bytes, 'hex')::uuid;
                    END
                    $body$
                  $fn$, '%1$s'::text, crypto_schema);
                END
                $do$""".formatted(schema));
        if (current) {
            ddl.add("""
                    CREATE TABLE %1$sphoenix_kit (
                      "id" integer NOT NULL,
                      "version" integer NOT NULL,
                      "migrated_at" timestamp with time zone DEFAULT now() NOT NULL
                    )""".formatted(p));
            ddl.add("ALTER TABLE " + p + "phoenix_kit ADD CONSTRAINT phoenix_kit_pkey PRIMARY KEY (id)");
        } else {
            ddl.add("""
                    CREATE TABLE %1$sphoenix_kit (
                      id serial PRIMARY KEY,
                      version integer NOT NULL,
                      migrated_at timestamp(0) without time zone DEFAULT now()
                    )""".formatted(p));
        }
        ddl.add("CREATE UNIQUE INDEX phoenix_kit_version_index ON " + p + "phoenix_kit USING btree (version)");
        ddl.add("""
                CREATE TABLE %1$sphoenix_kit_settings (
                  "key" character varying(255) NOT NULL,
                  "value" character varying(255),
                  "date_added" timestamp with time zone DEFAULT now() NOT NULL,
                  "date_updated" timestamp with time zone DEFAULT now() NOT NULL,
                  "module" character varying(255),
                  "value_json" jsonb,
                  "uuid" uuid DEFAULT %1$suuid_generate_v7() NOT NULL
                )""".formatted(p));
        ddl.add("CREATE UNIQUE INDEX phoenix_kit_settings_key_uidx ON " + p + "phoenix_kit_settings USING btree (key)");
        ddl.add("CREATE UNIQUE INDEX " + pn + "phoenix_kit_settings_uuid_idx ON " + p
                + "phoenix_kit_settings USING btree (uuid)");
        ddl.add("CREATE INDEX phoenix_kit_settings_key_prefix_idx ON " + p
                + "phoenix_kit_settings USING btree (key text_pattern_ops)");
        ddl.add("ALTER TABLE " + p
                + "phoenix_kit_settings ADD CONSTRAINT phoenix_kit_settings_pkey PRIMARY KEY (uuid)");
        ddl.add("""
                CREATE TABLE %1$sphoenix_kit_ai_endpoints (
                  "name" character varying(100) NOT NULL,
                  "description" character varying(500),
                  "provider" character varying(50) DEFAULT 'openrouter'::character varying NOT NULL,
                  "api_key" text NOT NULL,
                  "base_url" character varying(255),
                  "provider_settings" jsonb DEFAULT '{}'::jsonb,
                  "model" character varying(150) NOT NULL,
                  "temperature" double precision DEFAULT 0.7,
                  "max_tokens" integer,
                  "top_p" double precision,
                  "top_k" integer,
                  "frequency_penalty" double precision,
                  "presence_penalty" double precision,
                  "repetition_penalty" double precision,
                  "stop" character varying(255)[],
                  "seed" integer,
                  "image_size" character varying(20),
                  "image_quality" character varying(20),
                  "dimensions" integer,
                  "enabled" boolean DEFAULT true NOT NULL,
                  "sort_order" integer DEFAULT 0 NOT NULL,
                  "last_validated_at" timestamp with time zone,
                  "inserted_at" timestamp with time zone NOT NULL,
                  "updated_at" timestamp with time zone NOT NULL,
                  "uuid" uuid DEFAULT %1$suuid_generate_v7() NOT NULL,
                  "reasoning_enabled" boolean,
                  "reasoning_effort" character varying(20),
                  "reasoning_max_tokens" integer,
                  "reasoning_exclude" boolean,
                  "integration_uuid" uuid
                )""".formatted(p));
        ddl.add("CREATE INDEX phoenix_kit_ai_endpoints_enabled_idx ON " + p
                + "phoenix_kit_ai_endpoints USING btree (enabled)");
        ddl.add("CREATE INDEX phoenix_kit_ai_endpoints_sort_order_idx ON " + p
                + "phoenix_kit_ai_endpoints USING btree (sort_order)");
        ddl.add("CREATE UNIQUE INDEX " + pn + "phoenix_kit_ai_endpoints_uuid_idx ON " + p
                + "phoenix_kit_ai_endpoints USING btree (uuid)");
        ddl.add("CREATE INDEX phoenix_kit_ai_endpoints_integration_uuid_index ON " + p
                + "phoenix_kit_ai_endpoints USING btree (integration_uuid)");
        ddl.add("CREATE UNIQUE INDEX phoenix_kit_ai_endpoints_name_index ON " + p
                + "phoenix_kit_ai_endpoints USING btree (lower((name)::text))");
        ddl.add("ALTER TABLE " + p + "phoenix_kit_ai_endpoints ADD CONSTRAINT phoenix_kit_ai_endpoints_pkey"
                + " PRIMARY KEY (uuid)");
        if (current) {
            ddl.add("""
                    CREATE TABLE %1$sphoenix_kit_buckets (
                      "uuid" uuid DEFAULT %1$suuid_generate_v7() NOT NULL,
                      "name" character varying(255) NOT NULL,
                      "provider" character varying(255) NOT NULL,
                      "region" character varying(255),
                      "endpoint" character varying(255),
                      "bucket_name" character varying(255),
                      "access_key_id" character varying(255),
                      "secret_access_key" character varying(255),
                      "cdn_url" character varying(255),
                      "path_prefix" character varying(255),
                      "enabled" boolean DEFAULT true NOT NULL,
                      "priority" integer DEFAULT 0 NOT NULL,
                      "max_size_mb" bigint,
                      "inserted_at" timestamp with time zone NOT NULL,
                      "updated_at" timestamp with time zone NOT NULL,
                      "access_type" character varying(20) DEFAULT 'public'::character varying
                    )""".formatted(p));
            ddl.add("ALTER TABLE " + p + "phoenix_kit_buckets ADD CONSTRAINT phoenix_kit_buckets_pkey"
                    + " PRIMARY KEY (uuid)");
        }
        // V135 seeds (the settings PhoenixKit inserts on every install).
        ddl.add("INSERT INTO " + p + "phoenix_kit_settings (key, module, value, value_json) VALUES"
                + " ('time_zone', 'system', '0', NULL), ('date_format', 'system', 'Y-m-d', NULL),"
                + " ('time_format', 'system', 'H:i', NULL), ('customer_support_per_page', NULL, '20', NULL)");
        return ddl;
    }

    private static void seedV180(Connection connection, String p) throws SQLException {
        String e = "2026-08-01T10:00:00.000000Z";
        insertIntegration(connection, p, OPENAI_PRODUCTION, "2026-06-01 10:00:00+00", """
                {"provider": "openai", "name": "Production key", "auth_type": "api_key",
                 "api_key": "%s", "status": "connected", "validation_status": "ok",
                 "connected_at": "2026-06-01T10:00:00.123456Z", "last_validated_at": "%s"}""".formatted(
                        encrypt("sk-openai-production-0001"), e));
        insertIntegration(connection, p, OPENROUTER_TEAM_KEY, "2026-06-02 10:00:00+00", """
                {"provider": "openrouter", "name": "Team Key", "auth_type": "api_key",
                 "api_key": "sk-or-plaintext-team-key-0002", "status": "connected",
                 "validation_status": "Credits: $4.20 remaining", "last_validated_at": "%s"}""".formatted(e));
        insertIntegration(connection, p, OPENROUTER_TEAM_KEY_DUPLICATE, "2026-06-03 10:00:00+00", """
                {"provider": "openrouter", "name": "team key", "auth_type": "api_key",
                 "api_key": "%s", "status": "connected", "validation_status": "ok"}""".formatted(
                        encrypt("sk-or-team-key-duplicate-0003")));
        insertIntegration(connection, p, OPENROUTER_TEAM_KEY_EXACT_DUPLICATE, "2026-06-04 10:00:00+00", """
                {"provider": "openrouter", "name": "team key", "auth_type": "api_key",
                 "api_key": "%s", "status": "configured"}""".formatted(
                        encrypt("sk-or-team-key-exact-0004")));
        insertIntegration(connection, p, GOOGLE_DEFAULT, "2026-06-05 10:00:00+00", """
                {"provider": "google", "name": "default", "auth_type": "oauth2",
                 "client_id": "fixture-client.apps.googleusercontent.com", "client_secret": "%s",
                 "access_token": "%s", "refresh_token": "%s", "token_type": "Bearer",
                 "expires_at": "2026-08-01T11:00:00.000000Z", "token_obtained_at": "2026-08-01T10:00:00.000000Z",
                 "scopes": ["openid", "email", "https://www.googleapis.com/auth/drive.readonly"],
                 "connected_at": "2026-06-05T10:00:00.000000Z", "status": "connected",
                 "external_account_id": "1122334455", "external_account_name": "Ops Team",
                 "metadata": {"connected_email": "ops@example.com", "name": "Ops Team",
                              "picture": "https://example.com/p.png"}, "oauth_state": "stale-state-never-cleared"}""".formatted(
                        encrypt("google-client-secret-0005"),
                        encrypt("ya29.fixture-access-token-0005"),
                        encrypt("1//fixture-refresh-token-0005")));
        insertIntegration(connection, p, GOOGLE_WORK, "2026-06-06 10:00:00+00", """
                {"provider": "google", "name": "Work account", "auth_type": "oauth2",
                 "client_id": "work-client.apps.googleusercontent.com", "client_secret": "work-secret-plain-0006",
                 "status": "configured"}""");
        insertIntegration(connection, p, OPENROUTER_PERSONAL, "2026-07-27 10:00:00+00", """
                {"provider": "openrouter", "name": "My key", "auth_type": "api_key", "api_key": "%s",
                 "status": "connected", "validation_status": "ok", "owner_type": "user", "owner_uuid": "%s"}""".formatted(
                        encrypt("sk-or-personal-0007"), USER_UUID));
        insertIntegration(connection, p, TELEGRAM_PRETYPED_PERSONAL, "2026-07-27 11:00:00+00", """
                {"provider": "telegram", "name": "My bot", "auth_type": "bot_token", "bot_token": "%s",
                 "mode": "multi", "chat_ids": ["123456", "-100987654"], "status": "connected",
                 "validation_status": "Connected as @fixture_bot", "owner_uuid": "%s"}""".formatted(
                        encrypt("123456:fixture-bot-token-0008"), USER_UUID));
        insertIntegration(connection, p, OPENROUTER_UNKNOWN_OWNER_TYPE, "2026-07-28 10:00:00+00", """
                {"provider": "openrouter", "name": "Galaxy key", "auth_type": "api_key",
                 "api_key": "sk-or-galaxy-plain-0009", "status": "connected", "owner_type": "galaxy",
                 "owner_uuid": "%s"}""".formatted(
                        OTHER_OWNER_UUID));
        insertIntegration(connection, p, SMTP_MAIL, "2026-07-12 10:00:00+00", """
                {"provider": "smtp", "name": "Mail (Fastmail)", "auth_type": "credentials",
                 "host": "smtp.example.com", "port": "587", "username": "mailer@example.com",
                 "password": "smtp-password-plaintext-0010", "security": "starttls", "auth": "always",
                 "verify_cert": "verify_peer", "ca_cert": "", "timeout": "15000", "status": "connected",
                 "validation_status": "ok"}""");
        insertIntegration(connection, p, AWS_SES, "2026-07-13 10:00:00+00", """
                {"provider": "aws_ses", "name": "SES eu-west-1", "auth_type": "key_secret",
                 "access_key": "AKIAFIXTURE0011", "secret_key": "%s", "aws_region": "eu-west-1",
                 "status": "connected",
                 "validation_status": "Quota: 12 / 50,000 sent last 24h · max 14/s"}""".formatted(
                        encrypt("aws-secret-key-fixture-0011")));
        insertIntegration(connection, p, UNKNOWN_PROVIDER, "2026-08-10 10:00:00+00", """
                {"provider": "acme_crm", "name": "ACME (sandbox)", "auth_type": "api_key", "api_key": "%s",
                 "workspace": "sandbox-42", "region": "eu", "status": "connected"}""".formatted(
                        encrypt("acme-api-key-fixture-0012")));
        insertIntegration(connection, p, MISTRAL_ERROR, "2026-08-11 10:00:00+00", """
                {"provider": "mistral", "name": "Mistral", "auth_type": "api_key",
                 "api_key": "mistral-plaintext-key-0013", "status": "error",
                 "validation_status": "error: Invalid credentials", "last_validated_at": "%s"}""".formatted(e));

        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO " + p + "phoenix_kit_settings (key, module, value, value_json) VALUES (?, ?, ?, NULL)")) {
            statement.setString(1, "default_email_integration_uuid");
            statement.setString(2, "email");
            statement.setString(3, SMTP_MAIL.toString());
            statement.addBatch();
            statement.setString(1, "site_footer_html");
            statement.setString(2, "website");
            statement.setString(3, "<p>" + "a long value that only fits since V160 ".repeat(10) + "</p>");
            statement.addBatch();
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + p
                + "phoenix_kit_ai_endpoints (uuid, name, provider, api_key, model, inserted_at, updated_at,"
                + " integration_uuid) VALUES (?, ?, ?, '', ?, now(), now(), ?)")) {
            statement.setObject(1, AI_ENDPOINT_PINNED);
            statement.setString(2, "Summariser");
            statement.setString(3, "openrouter");
            statement.setString(4, "anthropic/claude-3.5-sonnet");
            statement.setObject(5, OPENROUTER_TEAM_KEY);
            statement.addBatch();
            statement.setObject(1, AI_ENDPOINT_UNPINNED);
            statement.setString(2, "Legacy translator");
            statement.setString(3, "openai");
            statement.setString(4, "gpt-4o-mini");
            statement.setObject(5, null);
            statement.addBatch();
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + p
                + "phoenix_kit_email_send_profiles (uuid, name, integration_uuid, provider_kind, from_email,"
                + " is_default) VALUES (?, 'Transactional', ?, 'smtp', 'noreply@example.com', TRUE)")) {
            statement.setObject(1, SEND_PROFILE);
            statement.setObject(2, SMTP_MAIL);
            statement.executeUpdate();
        }
    }

    private static void seedV113(Connection connection, String p) throws SQLException {
        insertComposite(
                connection,
                p,
                V113_OPENAI_DEFAULT,
                "integration:openai:default",
                "2026-04-01 10:00:00+00",
                """
                {"provider": "openai", "name": "default", "auth_type": "api_key", "api_key": "%s",
                 "status": "connected", "validation_status": "ok"}""".formatted(encrypt("sk-openai-v113-0401")));
        insertComposite(
                connection,
                p,
                V113_OPENROUTER_TEAM_KEY,
                "integration:openrouter:team-key",
                "2026-04-02 10:00:00+00",
                """
                {"provider": "openrouter", "name": "team-key", "auth_type": "api_key",
                 "api_key": "sk-or-v113-plain-0402", "status": "connected"}""");
        insertComposite(
                connection, p, V113_GOOGLE_WORK, "integration:google:work", "2026-04-03 10:00:00+00", """
                {"provider": "google", "name": "work", "auth_type": "oauth2", "client_id": "v113.apps",
                 "client_secret": "%s", "access_token": "%s", "refresh_token": "%s", "token_type": "Bearer",
                 "expires_at": "2026-05-01T11:00:00.000000Z", "status": "connected",
                 "external_account_id": "99887766", "metadata": {"connected_email": "work@example.com"}}""".formatted(
                                encrypt("v113-google-secret-0403"),
                                encrypt("ya29.v113-access-0403"),
                                encrypt("1//v113-refresh-0403")));
        insertComposite(connection, p, V113_GOOGLE_LEGACY, "integration:google", "2026-04-04 10:00:00+00", """
                {"auth_type": "oauth2", "client_id": "legacy.apps", "client_secret": "legacy-plain-0404",
                 "status": "configured"}""");
        insertComposite(
                connection, p, V113_MISTRAL_EMPTY_JSON, "integration:mistral:eu", "2026-04-05 10:00:00+00", """
                {"provider": "", "name": "", "auth_type": "api_key", "api_key": "mistral-v113-plain-0405",
                 "status": "connected"}""");
        insertComposite(
                connection,
                p,
                V113_OPENROUTER_JSON_NAME_WINS,
                "integration:openrouter:renamed-later",
                "2026-04-06 10:00:00+00",
                """
                {"provider": "openrouter", "name": "team-key", "auth_type": "api_key", "api_key": "%s",
                 "status": "configured"}""".formatted(encrypt("sk-or-v113-json-name-0406")));
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + p
                + "phoenix_kit_ai_endpoints (name, provider, api_key, model, inserted_at, updated_at,"
                + " integration_uuid) VALUES ('Summariser', 'openrouter', '', 'm', now(), now(), ?)")) {
            statement.setObject(1, V113_OPENROUTER_TEAM_KEY);
            statement.executeUpdate();
        }
    }

    private static void insertIntegration(Connection connection, String p, UUID uuid, String dateAdded, String json)
            throws SQLException {
        insertComposite(connection, p, uuid, uuid.toString(), dateAdded, json);
    }

    private static void insertComposite(
            Connection connection, String p, UUID uuid, String key, String dateAdded, String json) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + p
                + "phoenix_kit_settings (uuid, key, module, value, value_json, date_added, date_updated)"
                + " VALUES (?, ?, 'integrations', NULL, ?::jsonb, ?::timestamptz, ?::timestamptz)")) {
            statement.setObject(1, uuid);
            statement.setString(2, key);
            statement.setString(3, json);
            statement.setString(4, dateAdded);
            statement.setString(5, dateAdded);
            statement.executeUpdate();
        }
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(
                "Could not " + what + ": SQLState " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
