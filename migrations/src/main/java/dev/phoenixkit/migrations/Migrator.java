package dev.phoenixkit.migrations;

import dev.phoenixkit.migrations.internal.MigrationRunner;
import dev.phoenixkit.migrations.internal.StepCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Brings a PostgreSQL schema to PhoenixKit's schema version with the integration-relevant subset of PhoenixKit's
 * migration chain, then applies this library's own steps.
 *
 * <pre>{@code
 * MigrationReport report = Migrator.create(dataSource).schema("public").migrate();
 * }</pre>
 *
 * <p>Behaviour:
 * <ul>
 *   <li>The version is PhoenixKit's marker, {@code COMMENT ON TABLE <schema>.phoenix_kit IS '<n>'} (no table:
 *       0). A table without a comment, or with one that is not a number, is refused
 *       ({@link MigrationError#MISSING_VERSION_MARKER}, {@link MigrationError#INVALID_VERSION_MARKER}), as
 *       PhoenixKit 2.x refuses it. A database PhoenixKit itself migrated (e.g. to 107 or 111) is recognised: no
 *       chain step re-runs, and the marker is never lowered except by {@link #rollback(int)}.</li>
 *   <li>{@link #migrate()} ends the chain at {@link #LATEST} (107, composite storage keys).
 *       {@code migrate(}{@link #UUID_KEYS}{@code )} also runs PhoenixKit's V114, which moves every integration row
 *       to PhoenixKit's uuid-key layout; it is opt-in, never pending in {@link #info()}.</li>
 *   <li>A marker at or above {@link #PHOENIX_KIT_FLOOR} (PhoenixKit 2.x's squashed baseline) means PhoenixKit owns
 *       the schema: the chain runs nothing, the tables and columns this library uses are checked
 *       ({@link MigrationError#SCHEMA_MISMATCH} otherwise, before anything is created), and only the library track
 *       is applied.</li>
 *   <li>Each step, its marker update and its history row commit in one transaction before the next step starts,
 *       so later steps (even on other connections) see everything earlier steps created. A failing step is
 *       rolled back entirely and stops the run with {@link MigrationError#STEP_FAILED}.</li>
 *   <li>The library track ({@code L1}, …) is recorded only in {@code <schema>.phoenix_kit_java_schema_history}
 *       and applied after the chain, whatever the marker says.</li>
 *   <li>Concurrent runners (threads or processes) serialise on a session-level advisory lock per schema, held on
 *       a dedicated idle connection; the state is re-read under the lock, so each step runs exactly once. A run
 *       therefore needs <strong>two</strong> connections from the data source at the same time. The same connection
 *       then holds PhoenixKit's chain lock ({@link #PHOENIX_KIT_CHAIN_LOCK}) for the whole run, so this runner
 *       waits for a PhoenixKit migration or {@code mix phoenix_kit.repair} in progress, and PhoenixKit's runner
 *       waits for this one.</li>
 *   <li>A schema other than {@code public} is created when missing.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe; the configuration methods return modified copies.
 */
public final class Migrator {

    /**
     * Where {@link #migrate()} ends PhoenixKit's chain: 107, the last version with composite storage keys
     * ({@code integration:<provider>:<name>}). Steps above it ({@link #UUID_KEYS}) run only when asked for.
     */
    public static final int LATEST = 107;

    /**
     * PhoenixKit's V114, the newest chain step shipped, opt-in: {@code migrate(UUID_KEYS)} moves every integration
     * row to {@code key = uuid::text} with provider and name in {@code value_json}, as PhoenixKit 1.7.x did;
     * {@code rollback(113)} runs its down step (composite keys again, duplicates suffixed).
     */
    public static final int UUID_KEYS = 114;

    /**
     * PhoenixKit 2.x's squashed baseline (V135): from this marker on PhoenixKit's own runner owns the schema and this
     * library applies only its own track.
     */
    public static final int PHOENIX_KIT_FLOOR = 135;

    /**
     * PhoenixKit's chain lock, {@code :erlang.crc32("phoenix_kit.migrations.repair")}: the advisory lock PhoenixKit's
     * migrations and {@code mix phoenix_kit.repair} take, held by this runner for every migrate and rollback.
     */
    public static final long PHOENIX_KIT_CHAIN_LOCK = 208068035L;

    /** Default schema: {@code public}. */
    public static final String DEFAULT_SCHEMA = "public";

    /** Default wait for the migration lock: 60 seconds. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final String schema;
    private final Duration lockTimeout;
    private final StepCatalog catalog;
    private final MigrationListener listener;

    private Migrator(
            DataSource dataSource,
            String schema,
            Duration lockTimeout,
            StepCatalog catalog,
            MigrationListener listener) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.lockTimeout = lockTimeout;
        this.catalog = catalog;
        this.listener = listener;
    }

    /**
     * Creates a migrator for the {@code public} schema with a 60 s lock timeout and the shipped steps.
     *
     * @param dataSource where connections come from; must be able to hand out two at once
     * @return a new migrator
     */
    public static Migrator create(DataSource dataSource) {
        return new Migrator(
                Objects.requireNonNull(dataSource, "dataSource"),
                DEFAULT_SCHEMA,
                DEFAULT_LOCK_TIMEOUT,
                StepCatalog.shipped(),
                MigrationListener.NONE);
    }

    /**
     * A copy working on another schema (PhoenixKit's {@code prefix}), created when missing.
     *
     * @param schema the unquoted schema name ({@link PostgresIdentifier}: not blank, no NUL, at most 63 bytes);
     *               default {@code "public"}
     * @return a modified copy
     * @throws IllegalArgumentException when {@code schema} breaks the {@link PostgresIdentifier} rule
     */
    public Migrator schema(String schema) {
        return new Migrator(dataSource, PostgresIdentifier.check("schema", schema), lockTimeout, catalog, listener);
    }

    /**
     * A copy that waits at most {@code lockTimeout} for another runner's migration lock before failing with
     * {@link MigrationError#LOCK_TIMEOUT}.
     *
     * @param lockTimeout zero or positive; zero tries once; default 60 seconds
     * @return a modified copy
     * @throws IllegalArgumentException when negative
     */
    public Migrator lockTimeout(Duration lockTimeout) {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative, was " + lockTimeout);
        }
        return new Migrator(dataSource, schema, lockTimeout, catalog, listener);
    }

    /**
     * A copy that tells {@code listener} about every step it runs (metrics, tracing).
     *
     * @param listener the listener; {@link MigrationListener#NONE} for none (the default)
     * @return a modified copy
     */
    public Migrator listener(MigrationListener listener) {
        return new Migrator(dataSource, schema, lockTimeout, catalog, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * A copy using {@code catalog} instead of the shipped steps. Test support only.
     *
     * @param catalog the steps to use
     * @return a modified copy
     */
    Migrator withCatalog(StepCatalog catalog) {
        return new Migrator(dataSource, schema, lockTimeout, Objects.requireNonNull(catalog, "catalog"), listener);
    }

    /**
     * The configured schema (the accessor to {@link #schema(String)}'s copy, named like a record component).
     *
     * @return the unquoted schema name
     */
    public String schema() {
        return schema;
    }

    /**
     * The configured lock timeout (the accessor to {@link #lockTimeout(Duration)}'s copy).
     *
     * @return the lock timeout
     */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * Migrates to {@link #LATEST}, then applies pending library-track steps.
     *
     * @return what was done
     * @throws MigrationException on any failure; see {@link MigrationError}
     */
    public MigrationReport migrate() {
        return migrate(catalog.defaultChainVersion());
    }

    /**
     * Migrates the chain to {@code targetVersion} (does nothing to the chain when the marker is already there or
     * higher), then applies pending library-track steps.
     *
     * @param targetVersion 1 to {@link #UUID_KEYS} (the newest shipped step; {@link #LATEST} is the default)
     * @return what was done
     * @throws MigrationException {@link MigrationError#INVALID_TARGET} when out of range; others on failure
     */
    public MigrationReport migrate(int targetVersion) {
        return runner().migrate(targetVersion);
    }

    /**
     * Runs down steps, newest first, until the marker is {@code targetVersion}; each writes its number minus one,
     * as PhoenixKit does. At 0 the library-track steps are reverted too and the tables are dropped.
     *
     * @param targetVersion 0 or more; does nothing when the marker is already at or below it
     * @return what was done
     * @throws MigrationException {@link MigrationError#ROLLBACK_REFUSED} when a pre-check refuses, the schema is
     *                            newer than {@link #UUID_KEYS}, or the rollback would cross PhoenixKit's V108–V113
     *                            (not shipped here) on a schema this library's runner did not build; others on
     *                            failure
     */
    public MigrationReport rollback(int targetVersion) {
        return runner().rollback(targetVersion);
    }

    /**
     * Reads the current version and the pending steps of both tracks. Takes no lock and creates nothing.
     *
     * @return the schema's migration state
     * @throws MigrationException {@link MigrationError#DATABASE_ERROR} when the database cannot be read
     */
    public MigrationInfo info() {
        return runner().info();
    }

    /**
     * Compares the checksum recorded for every applied step with the shipped script (Flyway's {@code validate}).
     * Takes no lock and creates nothing.
     *
     * @return the applied steps whose scripts changed since they ran; empty when every checksum matches
     * @throws MigrationException {@link MigrationError#DATABASE_ERROR} when the database cannot be read
     */
    public List<ChecksumMismatch> validate() {
        return runner().validate();
    }

    /**
     * The library's migration history (every step run, up or down, oldest first). Takes no lock and creates
     * nothing. PhoenixKit's own runner keeps no history, so steps it ran appear only as the version marker.
     *
     * @return the history; empty when the history table does not exist yet
     * @throws MigrationException {@link MigrationError#DATABASE_ERROR} when the database cannot be read
     */
    public List<HistoryEntry> history() {
        return runner().history();
    }

    private MigrationRunner runner() {
        return new MigrationRunner(dataSource, schema, lockTimeout, catalog, listener);
    }

    @Override
    public String toString() {
        return "Migrator[schema=" + schema + ", lockTimeout=" + lockTimeout + "]";
    }
}
