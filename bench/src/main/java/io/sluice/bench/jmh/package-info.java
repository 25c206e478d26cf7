/**
 * JMH microbenchmarks of the hot paths of the bus-occupancy workload: JSON decoding, expression
 * evaluation (filter, map), the per-batch shuffle and reduce-by-key, and keyed state updates. Run
 * from the bench jar: {@code java -cp bench/target/sluice-bench.jar org.openjdk.jmh.Main io.sluice.bench.jmh}.
 * Not run by the build.
 */
package io.sluice.bench.jmh;
