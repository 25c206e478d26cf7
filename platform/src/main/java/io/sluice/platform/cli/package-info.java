/**
 * The {@code sluice} command line (picocli): {@code run}, {@code validate}, {@code plugins},
 * {@code describe}, {@code schema}, {@code docs}. Commands are thin: they wire the plugin host, the
 * pipeline loader and the engine, and translate outcomes into {@link io.sluice.platform.cli.ExitCodes}.
 */
package io.sluice.platform.cli;
