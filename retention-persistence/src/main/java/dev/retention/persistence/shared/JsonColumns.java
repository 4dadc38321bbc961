package dev.retention.persistence.shared;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the small JSON objects kept in jsonb columns. */
public final class JsonColumns {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private JsonColumns() {}

    public static String write(Map<String, ?> value) {
        return value == null ? "{}" : MAPPER.writeValueAsString(value);
    }

    public static Map<String, Object> readObject(String json) {
        return json == null ? Map.of() : MAPPER.readValue(json, OBJECT);
    }

    public static String writeList(List<? extends Map<String, ?>> value) {
        return MAPPER.writeValueAsString(value);
    }

    public static List<Map<String, Object>> readObjects(String json) {
        return MAPPER.readValue(json, OBJECTS);
    }

    public static Map<String, String> readStrings(String json) {
        return json == null ? Map.of() : MAPPER.readValue(json, STRINGS);
    }
}
