package io.sluice.connectors.kafka;

import io.sluice.spi.ConnectorException;
import io.sluice.spi.RetriableException;
import io.sluice.spi.SluiceException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Turns what the Kafka clients throw into Sluice's intent: {@link RetriableException} for what may pass
 * (brokers unreachable, timeouts, leader elections: the engine runs the batch again after a backoff) and
 * {@link ConnectorException} for what needs a change (credentials, permissions, configuration).
 */
final class KafkaFailures {
    private KafkaFailures() {
    }

    /** Waits for an admin call. */
    static <T> T await(KafkaFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), what);
        } catch (TimeoutException e) {
            throw new RetriableException(what + ": no answer from the brokers within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException(what + ": interrupted", e);
        }
    }

    /** The Sluice exception for a failure of a Kafka client call. */
    static SluiceException translate(Throwable failure, String what) {
        if (failure instanceof SluiceException sluice) {
            return sluice;
        }
        String message = what + ": " + failure;
        if (failure instanceof AuthenticationException) {
            return new ConnectorException(message + " (check the SASL/SSL settings in 'properties')", failure);
        }
        if (failure instanceof AuthorizationException) {
            return new ConnectorException(message + " (grant the principal access to the topics and group)", failure);
        }
        if (failure instanceof InvalidConfigurationException || failure instanceof UnsupportedVersionException) {
            return new ConnectorException(message, failure);
        }
        return new RetriableException(message, failure);
    }
}
