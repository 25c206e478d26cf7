/**
 * The {@code twitter4j} source: Twitter API v1.1 streaming through twitter4j 4.0.7, the client Spark's
 * Twitter receiver used. X retired v1.1 streaming; this source is for v1.1-compatible endpoints and
 * archive replays, reached through {@code stream-base-url}.
 *
 * <p>twitter4j connects, reads and reconnects on its own threads (250 ms doubling after network errors,
 * 10 s doubling after HTTP errors); each status is stored from its listener before the next one is
 * handed over. Refused credentials (HTTP 401, 403, 406) stop the stream instead of retrying.
 *
 * <pre>{@code
 * sources:
 *   tweets: {type: twitter4j, stream: sample, stream-base-url: "https://stream.example.org/1.1/", ...}
 * }</pre>
 */
package io.sluice.connectors.twitter4j;
