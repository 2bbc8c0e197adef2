/**
 * The Java snippets of {@code README.md}, as code the build compiles. Each snippet is a region
 * ({@code // region NAME} … {@code // endregion}); the README shows it in a {@code java} block right after a
 * {@code <!-- snippet: NAME -->} line, and {@code ReadmeSnippetsTest} fails when the two differ (see "README
 * snippets" in {@code docs/architecture.md}).
 */
package dev.phoenixkit.examples.readme;
