/**
 * The {@code flume} source and sink: Sluice speaks Flume's Avro RPC protocol
 * ({@code AvroSourceProtocol}: {@code append}, {@code appendBatch}) in both directions.
 *
 * <p><b>Source</b> ({@link io.sluice.connectors.flume.FlumeSourceFactory}): an Avro RPC server that a
 * Flume agent's {@code avro} sink, or the Flume SDK's {@code RpcClient} (default, failover,
 * load-balancing), pushes events to. A call is answered {@code OK} only after
 * {@code ReceiverContext.store} accepted its events, and {@code FAILED} when the pipeline is
 * stopping, could not take them within {@code max-store-wait} (backpressure), or the batch is larger
 * than {@code max-batch-size}, so the agent keeps the events in its channel and sends them again.
 * Metrics: {@code port}, {@code events_accepted}, {@code calls_refused},
 * {@code calls_timed_out_in_backpressure}, {@code batches_too_large}; the sink's:
 * {@code events_sent}, {@code failed_attempts}.
 *
 * <p>Until the write-ahead log lands, "accepted" means "in memory": a crash of the Sluice process, or
 * a stop that is not graceful, can lose events that were acknowledged but not yet processed.
 *
 * <p><b>Sink</b> ({@link io.sluice.connectors.flume.FlumeSinkFactory}): sends each partition of a
 * batch as Flume events to one or more Flume {@code avro} sources, with retries and backoff; a
 * partition Flume does not accept fails the batch, which the engine runs again (at-least-once).
 *
 * <pre>{@code
 * sources:
 *   from-agents:
 *     type: flume
 *     port: 41414
 *     format: json
 * sinks:
 *   to-collector:
 *     type: flume
 *     from: events
 *     hosts: [collector-1:41414, collector-2:41414]
 *     client-type: failover
 * }</pre>
 */
package io.sluice.connectors.flume;
