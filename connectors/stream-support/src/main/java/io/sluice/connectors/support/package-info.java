/**
 * Small JDK-only helpers shared by the streaming-HTTP receivers (X, Mastodon, Bluesky, twitter4j):
 * a line reader over an {@code HttpClient} body publisher, and waits measured on the component
 * context's clock. Not a plugin: each plugin zip bundles this jar in its own {@code lib/}, so plugin
 * isolation is kept while the code exists once.
 */
package io.sluice.connectors.support;
