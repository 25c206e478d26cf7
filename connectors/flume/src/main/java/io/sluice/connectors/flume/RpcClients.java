package io.sluice.connectors.flume;

import java.util.Properties;
import org.apache.flume.FlumeException;
import org.apache.flume.api.RpcClient;
import org.apache.flume.api.RpcClientFactory;

/** Creates the SDK's RPC clients; tests substitute one that counts or fails. */
@FunctionalInterface
interface RpcClients {
    /**
     * @throws FlumeException if the client cannot be created (the default client connects at once)
     */
    RpcClient create(Properties properties);

    static RpcClients fromSdk() {
        return RpcClientFactory::getInstance;
    }
}
