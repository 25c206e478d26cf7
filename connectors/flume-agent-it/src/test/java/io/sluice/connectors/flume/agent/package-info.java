/**
 * Integration tests with a real Flume agent (the embedded agent: memory channel, avro sink) delivering
 * into a Sluice pipeline's flume source. A separate module, since the agent's libraries (guava 11,
 * Jetty, ZooKeeper, ...) must never reach the flume plugin.
 */
package io.sluice.connectors.flume.agent;
