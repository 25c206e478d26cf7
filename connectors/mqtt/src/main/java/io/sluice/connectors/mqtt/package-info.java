/**
 * The {@code mqtt} source and sink, over Eclipse Paho's MQTT 5 client (default) or its 3.1.1 client.
 *
 * <p>The source is a receiver: it subscribes to topic filters (wildcards, QoS per filter, MQTT 5 shared
 * subscriptions) in a persistent session, so messages published while Sluice is away are queued by the
 * broker, and it reconnects by itself with backoff. Each message is acknowledged to the broker only after
 * {@code ReceiverContext.store} accepted it; a message not accepted is delivered again. Payloads that do
 * not decode (invalid JSON or UTF-8, over the size limit) go to the error reporter and are acknowledged.
 *
 * <p><b>What a crash can lose today:</b> until the write-ahead log lands, {@code store} accepts into
 * memory, so messages acknowledged to the broker but not yet processed are lost if the Sluice process
 * crashes. A graceful stop processes them first.
 *
 * <p>The sink publishes each record to a topic made from its fields ({@code alerts/{bus}}) and waits for
 * the broker's acknowledgements before the batch counts as written.
 *
 * <pre>{@code
 * sources:
 *   sensors: {type: mqtt, servers: [tcp://localhost:1883], topics: {"buses/+/events": 1},
 *             topic-pattern: "buses/{bus}/events"}
 * sinks:
 *   alerts-out: {type: mqtt, from: alerts, servers: [tcp://localhost:1883], topic: "alerts/{bus}"}
 * }</pre>
 */
package io.sluice.connectors.mqtt;
