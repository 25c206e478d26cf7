/**
 * The {@code bluesky-jetstream} source: Bluesky commit events from a Jetstream WebSocket (the JDK's
 * {@code java.net.http.WebSocket}), filtered with {@code wantedCollections} and {@code wantedDids}.
 *
 * <p>Each commit event becomes a record and is stored before the next message is requested. The time
 * of the last event seen ({@code time_us}) is kept; a reconnect passes {@code cursor} = that time minus
 * {@code resume-overlap}, and the replayed events already stored are dropped by their identity (DID,
 * revision, collection, record key, operation), so failing over to another Jetstream instance, whose
 * times differ slightly, neither repeats nor skips events within the overlap.
 *
 * <pre>{@code
 * sources:
 *   posts: {type: bluesky-jetstream, wanted-collections: [app.bsky.feed.post]}
 * }</pre>
 */
package io.sluice.connectors.bluesky;
