package io.sluice.connectors.bluesky;

/** Jetstream messages as Jetstream sends them. */
final class Events {
    /** 2024-11-23T19:26:40Z in unix microseconds. */
    static final long T0 = 1_732_390_000_000_000L;

    private Events() {
    }

    static String post(long timeUs, String rkey, String text) {
        return "{\"did\":\"did:plc:alice\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{"
                + "\"rev\":\"rev-" + rkey + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\","
                + "\"rkey\":\"" + rkey + "\",\"record\":{\"$type\":\"app.bsky.feed.post\",\"createdAt\":"
                + "\"2024-11-23T19:26:39.000Z\",\"langs\":[\"en\"],\"text\":\"" + text + "\"},\"cid\":\"bafy" + rkey + "\"}}";
    }

    static String like(long timeUs, String rkey) {
        return "{\"did\":\"did:plc:bob\",\"time_us\":" + timeUs + ",\"kind\":\"commit\",\"commit\":{"
                + "\"rev\":\"rev-" + rkey + "\",\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\","
                + "\"rkey\":\"" + rkey + "\",\"record\":{\"$type\":\"app.bsky.feed.like\",\"subject\":{\"uri\":"
                + "\"at://did:plc:alice/app.bsky.feed.post/p1\"}},\"cid\":\"bafy" + rkey + "\"}}";
    }

    static String identity(long timeUs) {
        return "{\"did\":\"did:plc:alice\",\"time_us\":" + timeUs + ",\"kind\":\"identity\",\"identity\":{"
                + "\"did\":\"did:plc:alice\",\"handle\":\"alice.bsky.social\",\"seq\":1,\"time\":\"2024-11-23T19:26:40Z\"}}";
    }
}
