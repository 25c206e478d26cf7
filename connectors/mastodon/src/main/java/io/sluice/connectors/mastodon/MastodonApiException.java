package io.sluice.connectors.mastodon;

import io.sluice.spi.RetriableException;
import java.time.Instant;
import java.util.Optional;

/** The server answered with a status that retrying later may fix: 429 or a server error. */
final class MastodonApiException extends RetriableException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Instant rateLimitReset;

    MastodonApiException(String message, int status, Optional<Instant> rateLimitReset) {
        super(message);
        this.status = status;
        this.rateLimitReset = rateLimitReset.orElse(null);
    }

    int status() {
        return status;
    }

    /** The {@code X-RateLimit-Reset} header of a 429, if the server sent one. */
    Optional<Instant> rateLimitReset() {
        return Optional.ofNullable(rateLimitReset);
    }
}
