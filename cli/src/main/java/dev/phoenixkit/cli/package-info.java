/**
 * The operator command line ({@link dev.phoenixkit.cli.PhoenixKitCli}): migrations, key rotation and connection
 * management from a shell, with human output or {@code --json}, and {@link dev.phoenixkit.cli.ExitCode}'s exit
 * codes. Implementation in {@code dev.phoenixkit.cli.internal}.
 */
package dev.phoenixkit.cli;
