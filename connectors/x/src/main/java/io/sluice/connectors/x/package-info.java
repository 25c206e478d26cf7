/**
 * The {@code x-filtered-stream} source: X API v2's filtered stream over the JDK's HTTP client.
 *
 * <p>On start the stream rules declared in the pipeline are synced (stale ones deleted, missing ones
 * added), then {@code GET /2/tweets/search/stream} is read line by line: blank lines are X's 20-second
 * keep-alives, other lines are tweets, which become records and are stored one by one. A connection
 * silent for {@code stall-timeout} is dropped; reconnects back off as X asks (linearly after network
 * errors, exponentially after HTTP errors, until {@code x-rate-limit-reset} after 429). Lines that are
 * not JSON tweets go to the error reporter and the stream goes on.
 *
 * <pre>{@code
 * sources:
 *   tweets:
 *     type: x-filtered-stream
 *     bearer-token: ${X_BEARER_TOKEN}
 *     rules: {cats: "cat has:images -is:retweet"}
 * }</pre>
 */
package io.sluice.connectors.x;
