/**
 * The Java DStream API, in the spirit of Spark Streaming's {@code JavaStreamingContext},
 * {@code JavaDStream} and {@code JavaPairDStream}: build a graph of streams on a
 * {@link io.sluice.platform.stream.StreamingContext}, register outputs, start it.
 *
 * <ul>
 *   <li>{@link io.sluice.platform.stream.DStream} — map, filter, flatMap, mapPartitions, union,
 *   keyBy, mapToPair, repartition, count, reduce, countByValue, transform, transformWith; windows:
 *   window, countByWindow, reduceByWindow, countByValueAndWindow; outputs: foreachBatch, print.</li>
 *   <li>{@link io.sluice.platform.stream.PairDStream} — reduceByKey, groupByKey, combineByKey,
 *   mapValues, flatMapValues; join, leftOuterJoin, rightOuterJoin, fullOuterJoin
 *   ({@link io.sluice.platform.stream.Joined}), cogroup ({@link io.sluice.platform.stream.CoGrouped});
 *   reduceByKeyAndWindow (plain and incremental), groupByKeyAndWindow; updateStateByKey and
 *   mapWithState ({@link io.sluice.platform.stream.StateSpec}, {@link io.sluice.platform.stream.State},
 *   {@link io.sluice.platform.stream.MapWithStateDStream#stateSnapshots()}).</li>
 *   <li>{@link io.sluice.platform.stream.RecordStream} — streams of SPI records: parse/format,
 *   keyByField, SPI operators, SPI sinks. Pipeline YAML compiles to these calls.</li>
 *   <li>{@link io.sluice.platform.stream.EngineClock} / {@link io.sluice.platform.stream.ManualClock}
 *   — injected time; tests cut batches by advancing a manual clock.</li>
 *   <li>{@link io.sluice.platform.stream.BatchListener} — one
 *   {@link io.sluice.platform.stream.BatchReport} per finished batch.</li>
 * </ul>
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * StreamingContext ctx = StreamingContext.builder()
 *         .name("totals").batchInterval(Duration.ofSeconds(1)).clock(clock).build();
 * ctx.queueStream("numbers", queue, true)
 *         .mapToPair(n -> KeyValue.of(n % 2 == 0 ? "even" : "odd", n))
 *         .updateStateByKey((values, sum) ->
 *                 Optional.of(sum.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()))
 *         .foreachBatch((batch, totals) -> System.out.println(batch.id() + ": " + totals));
 * ctx.start();
 * clock.advance(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>The execution behind it lives in {@code io.sluice.platform.engine}, which is not API.
 */
package io.sluice.platform.stream;
