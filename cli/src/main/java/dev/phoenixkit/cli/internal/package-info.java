/**
 * The CLI's commands (one picocli class each), configuration resolution and output. Not API.
 */
package dev.phoenixkit.cli.internal;
