package io.sluice.platform.engine;

import io.sluice.spi.SluiceException;

/** Work was cut short because the engine is stopping (non-graceful stop interrupts its threads). */
public class EngineStoppedException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public EngineStoppedException(String message) {
        super(message);
    }
}
