/**
 * JMH benchmarks. Each measures the library and a hand-written baseline in the same run; see
 * {@link dev.phoenixkit.benchmarks.BenchmarkSuite} and {@code benchmarks/README.md}.
 */
package dev.phoenixkit.benchmarks;
