package io.sluice.connectors.mqtt;

import java.util.Map;

/**
 * A message the broker delivered, in protocol-neutral form.
 *
 * @param id             the packet identifier to acknowledge ({@code 0} for QoS 0)
 * @param userProperties MQTT 5 user properties (empty for 3.1.1)
 */
record InboundMessage(String topic, byte[] payload, int qos, boolean retained, boolean duplicate, int id,
                      Map<String, String> userProperties) {
}
