package io.sluice.connectors.flume;

import io.sluice.spi.config.ConfigException;

/** A {@code HOST:PORT} from configuration. */
record HostAndPort(String host, int port) {

    /**
     * @throws ConfigException if {@code text} is not {@code HOST:PORT} with a port in 1..65535
     */
    static HostAndPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ConfigException("must be HOST:PORT, got '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException("must be HOST:PORT with a numeric port, got '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("port must be between 1 and 65535, got '" + text + "'");
        }
        return new HostAndPort(text.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
