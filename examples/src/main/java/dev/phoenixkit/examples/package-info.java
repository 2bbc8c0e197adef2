/**
 * The README's runnable walk-through ({@link dev.phoenixkit.examples.Walkthrough}); not published.
 */
package dev.phoenixkit.examples;
