package io.sluice.connectors.mqtt;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.BatchInfo;
import io.sluice.spi.ComponentContext;
import io.sluice.spi.ErrorReporter;
import io.sluice.spi.Record;
import io.sluice.spi.RetriableException;
import io.sluice.spi.config.Config;
import io.sluice.spi.format.RecordFormat;
import io.sluice.spi.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every record of a partition and waits, in {@code write}, until the broker acknowledged them
 * all as their QoS requires; a publish that fails or times out fails the batch, which the engine runs
 * again (so a retried batch can publish some messages twice: at-least-once). Records whose topic or
 * payload cannot be made go to the error reporter.
 */
final class MqttSink implements Sink {
    private BrokerConnection connection;
    private TopicTemplate topic;
    private RecordFormat format;
    private ErrorReporter errors;
    private int qos;
    private boolean retain;
    private Optional<Long> expirySeconds;
    private Optional<String> contentType;
    private boolean headersAsUserProperties;
    private Duration publishTimeout;

    @Override
    public void open(ComponentContext context) {
        Config config = context.config();
        topic = TopicTemplate.parse(config.get(MqttSinkFactory.TOPIC));
        format = context.format(config.get(MqttSinkFactory.FORMAT));
        errors = context.errors();
        qos = config.get(MqttSinkFactory.QOS);
        retain = config.get(MqttSinkFactory.RETAIN);
        expirySeconds = config.find(MqttSinkFactory.MESSAGE_EXPIRY).map(d -> Math.max(1, d.toSeconds()));
        contentType = config.find(MqttSinkFactory.CONTENT_TYPE);
        headersAsUserProperties = config.get(MqttSinkFactory.HEADERS_AS_USER_PROPERTIES);
        publishTimeout = config.get(MqttSinkFactory.PUBLISH_TIMEOUT);
        BrokerConnection opened = Connections.publishing(ConnectionSettings.from(context));
        try {
            opened.connect();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        connection = opened;
    }

    @Override
    public void write(BatchInfo batch, int partition, List<Record> records) {
        List<CompletableFuture<Void>> publishes = new ArrayList<>(records.size());
        for (Record record : records) {
            OutboundMessage message;
            try {
                message = toMessage(record);
            } catch (BadRecordException e) {
                errors.report(record, e);
                continue;
            }
            publishes.add(connection.publish(message));
        }
        awaitAll(batch, partition, publishes);
    }

    private OutboundMessage toMessage(Record record) {
        String target = topic.topicOf(record);
        byte[] payload = format.encode(record);
        Map<String, String> userProperties = new LinkedHashMap<>();
        if (headersAsUserProperties) {
            record.headers().forEach((name, value) -> {
                if (!name.startsWith("mqtt.")) {
                    userProperties.put(name, value);
                }
            });
        }
        return new OutboundMessage(target, payload, qos, retain, expirySeconds, contentType, userProperties);
    }

    private void awaitAll(BatchInfo batch, int partition, List<CompletableFuture<Void>> publishes) {
        try {
            CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RetriableException("batch " + batch.id() + " partition " + partition + ": publishing failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("batch " + batch.id() + " partition " + partition + ": the broker did not "
                    + "acknowledge " + publishes.size() + " publishes within " + publishTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("batch " + batch.id() + ": interrupted while publishing", e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
