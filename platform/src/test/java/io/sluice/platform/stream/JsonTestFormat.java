package io.sluice.platform.stream;

import io.sluice.spi.BadRecordException;
import io.sluice.spi.Record;
import io.sluice.spi.format.RecordFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A minimal {@code json} record format for engine tests (the platform's own lives in another package). */
final class JsonTestFormat implements RecordFormat {
    static final JsonTestFormat INSTANCE = new JsonTestFormat();

    private final JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    /** A lookup knowing only this format. */
    static FormatLookup lookup() {
        return name -> {
            if (!name.equals("json")) {
                throw new io.sluice.spi.config.ConfigException("unknown format " + name);
            }
            return INSTANCE;
        };
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Record decode(byte[] bytes) {
        try {
            return Record.of(mapper.readValue(bytes, LinkedHashMap.class));
        } catch (JacksonException e) {
            throw new BadRecordException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public byte[] encode(Record record) {
        Map<String, Object> fields = record.fields();
        return mapper.writeValueAsBytes(fields);
    }
}
