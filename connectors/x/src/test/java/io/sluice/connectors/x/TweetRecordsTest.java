package io.sluice.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.platform.format.JsonFormat;
import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TweetRecordsTest {
    private final JsonFormat json = new JsonFormat();

    private Record decode(String line) {
        return json.decode(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aStreamMessageBecomesATweetWithItsAuthorEntitiesAndMatchingRules() {
        Record tweet = TweetRecords.toRecord(decode(Tweets.tweet("1850", "#cats @bob https://t.co/x", "cats", "pets")), 5L);

        assertThat(tweet.fields()).containsEntry("id", "1850").containsEntry("text", "#cats @bob https://t.co/x")
                .containsEntry("author_id", "42").containsEntry("author_username", "alice")
                .containsEntry("created_at", "2024-11-23T19:26:40.000Z").containsEntry("lang", "en")
                .containsEntry("hashtags", List.of("cats")).containsEntry("mentions", List.of("bob"))
                .containsEntry("urls", List.of("https://example.org/a"))
                .containsEntry("matching_rules", List.of(Map.of("id", "1001", "tag", "pets")))
                .containsEntry("rule_tags", List.of("pets"));
        assertThat(tweet.timestamp()).isEqualTo(1_732_390_000_000L);
        assertThat(tweet.position()).isEqualTo("tweet:1850");
    }

    @Test
    void fieldsXDidNotSendAreNullOrEmptyAndTheTimestampIsTheReceiveTime() {
        Record tweet = TweetRecords.toRecord(decode("{\"data\":{\"id\":\"9\",\"text\":\"hi\"},\"matching_rules\":[]}"), 77L);

        assertThat(tweet.get("author_username")).isNull();
        assertThat(tweet.get("lang")).isNull();
        assertThat(tweet.get("hashtags")).isEqualTo(List.of());
        assertThat(tweet.timestamp()).isEqualTo(77L);
    }

    @Test
    void aMessageWithoutATweetIsABadRecord() {
        assertThatThrownBy(() -> TweetRecords.toRecord(decode("{\"meta\":{}}"), 0L))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("not a tweet");
    }
}
