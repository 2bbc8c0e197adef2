package dev.phoenixkit.migrations;

/**
 * Whether a step was applied ({@link #UP}) or reverted ({@link #DOWN}).
 */
public enum MigrationDirection {
    /** The step's up script ran ({@code migrate}). */
    UP,
    /** The step's down script ran ({@code rollback}). */
    DOWN
}
