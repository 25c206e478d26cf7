/**
 * The {@code mastodon} source: a Mastodon timeline (public, local, hashtag or list) over the streaming
 * API's server-sent events, with the JDK's HTTP client.
 *
 * <p>{@code update} and {@code status.update} events become status records, stored one by one;
 * heartbeats ({@code :thump}) and {@code delete}s are counted. A connection silent for
 * {@code stall-timeout} is dropped; reconnects back off exponentially (until {@code X-RateLimit-Reset}
 * after 429) and then catch up through the REST timeline API from the newest status stored, so a short
 * disconnection loses nothing but the edits and deletions made meanwhile.
 *
 * <pre>{@code
 * sources:
 *   toots: {type: mastodon, instance-url: "https://mastodon.social", timeline: hashtag, tag: rust}
 * }</pre>
 */
package io.sluice.connectors.mastodon;
