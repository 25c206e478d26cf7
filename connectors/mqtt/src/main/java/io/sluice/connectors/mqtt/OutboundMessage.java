package io.sluice.connectors.mqtt;

import java.util.Map;
import java.util.Optional;

/**
 * A message to publish, in protocol-neutral form. MQTT 3.1.1 ignores the MQTT 5 properties.
 *
 * @param expirySeconds  MQTT 5 message expiry interval, if any
 * @param contentType    MQTT 5 content type, if any
 * @param userProperties MQTT 5 user properties
 */
record OutboundMessage(String topic, byte[] payload, int qos, boolean retain, Optional<Long> expirySeconds,
                       Optional<String> contentType, Map<String, String> userProperties) {
}
