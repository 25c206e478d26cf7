package io.sluice.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsLineBreaksTagsAndReferencesBecomePlainText() {
        assertThat(HtmlText.of("<p>Hello &amp; <a href=\"https://x/tags/a\" class=\"hashtag\">#<span>a</span></a></p>"
                + "<p>line<br>two<br />three &lt;3 &#8212; &#x1F600; &quot;q&quot; &bogus;</p>"))
                .isEqualTo("Hello & #a\n\nline\ntwo\nthree <3 \u2014 \uD83D\uDE00 \"q\" &bogus;");
    }

    @Test
    void nullStaysNull() {
        assertThat(HtmlText.of(null)).isNull();
    }
}
