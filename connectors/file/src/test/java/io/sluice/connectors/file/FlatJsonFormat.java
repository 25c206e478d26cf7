package io.sluice.connectors.file;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only {@code json} format for flat objects of strings (without escapes) and whole numbers:
 * JSON itself belongs to the platform, which the plugin does not depend on.
 */
final class FlatJsonFormat implements RecordFormat {
    private static final Pattern OBJECT = Pattern.compile("\\{(\\s*\"[^\"]*\"\\s*:\\s*(\"[^\"\\\\]*\"|-?\\d+)\\s*(,(?!\\s*\\}))?)*\\s*}");
    private static final Pattern MEMBER = Pattern.compile("\"([^\"]*)\"\\s*:\\s*(?:\"([^\"\\\\]*)\"|(-?\\d+))");

    @Override
    public String name() {
        return "json";
    }

    @Override
    public Record decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (!OBJECT.matcher(text).matches()) {
            throw new BadRecordException("not a flat JSON object: " + text);
        }
        Record.Builder b = Record.builder();
        Matcher m = MEMBER.matcher(text);
        while (m.find()) {
            b.field(m.group(1), m.group(2) != null ? m.group(2) : (Object) Long.parseLong(m.group(3)));
        }
        return b.build();
    }

    @Override
    public byte[] encode(Record record) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : record.fields().entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof String s) {
                sb.append('"').append(s).append('"');
            } else if (v instanceof Long || v instanceof Integer) {
                sb.append(v);
            } else {
                throw new BadRecordException("the test json format writes strings and whole numbers only: " + e);
            }
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
