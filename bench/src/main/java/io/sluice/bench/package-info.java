/**
 * The bus-occupancy benchmark of {@code WORKLOAD.md}: one JVM runs the plain-Java 2-thread loop
 * (the baseline), the pipeline built with the Java API and the same pipeline written in YAML and
 * loaded through the plugin zips, checks every run's results against a plain reference loop, and
 * prints {@code RESULT mode=... events_per_s=... check=PASS|FAIL} lines with the ratio to the
 * baseline. JMH microbenchmarks of the hot paths live in {@code io.sluice.bench.jmh}.
 */
package io.sluice.bench;
