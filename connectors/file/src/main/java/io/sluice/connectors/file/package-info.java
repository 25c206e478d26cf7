/**
 * The {@code file} source and sink.
 *
 * <p>The source reads JSON lines or text from the files of a directory or a glob, picking up new files
 * and data appended to existing ones. Each batch is planned as splits (file, start offset, end
 * offset) cut at line boundaries, so a batch read again yields the same lines; a last line without
 * its line break is left for a later batch.
 *
 * <p>The sink writes one file per batch, {@code <path>/<prefix>-<batch id>.<extension>}: written to a
 * hidden temporary file, fsynced and renamed into place at commit, so a file is either complete or
 * absent, and a batch run again replaces its own file (exactly-once output).
 *
 * <pre>{@code
 * sources:
 *   events: {type: file, path: "/data/in/*.jsonl", format: json}
 * sinks:
 *   out: {type: file, from: alerts, path: /data/out, prefix: alerts}
 * }</pre>
 */
package io.sluice.connectors.file;
