package io.sluice.connectors.kafka;

import java.util.Map;
import java.util.UUID;

/**
 * The exactly-once sink keeps the whole sink contract, the exactly-once part included: nothing visible before
 * commit (for read_committed readers), a committed batch written again is skipped, and a batch cut off before
 * its commit is written once by a new instance.
 */
class KafkaTransactionalSinkContractIT extends KafkaSinkContractIT {
    private final String transactionalId = "contract-" + UUID.randomUUID();

    @Override
    Map<String, Object> keys() {
        return Map.of("topic", topic, "value-format", "string", "delivery", "exactly-once",
                "transactional-id-prefix", transactionalId);
    }

    @Override
    protected java.util.List<io.sluice.spi.Record> committedOutput() {
        cluster.awaitTransactionSettled(transactionalId);
        return super.committedOutput();
    }

    @Override
    protected boolean exactlyOnce() {
        return true;
    }
}
