package io.sluice.connectors.x;

import io.sluice.spi.RetriableException;
import java.util.OptionalLong;

/** X answered a request with an HTTP status that retrying later may fix: 429 or a server error. */
final class XApiException extends RetriableException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final long rateLimitReset;

    XApiException(String message, int status, OptionalLong rateLimitReset) {
        super(message);
        this.status = status;
        this.rateLimitReset = rateLimitReset.orElse(-1);
    }

    int status() {
        return status;
    }

    boolean rateLimited() {
        return status == 429;
    }

    /** The {@code x-rate-limit-reset} header (epoch seconds), if X sent it. */
    OptionalLong rateLimitReset() {
        return rateLimitReset < 0 ? OptionalLong.empty() : OptionalLong.of(rateLimitReset);
    }
}
