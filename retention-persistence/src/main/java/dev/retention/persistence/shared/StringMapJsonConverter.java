package dev.retention.persistence.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;

/** Maps a string-to-string map to the JSON text of a jsonb column. */
@Converter
public class StringMapJsonConverter implements AttributeConverter<Map<String, String>, String> {

    @Override
    public String convertToDatabaseColumn(Map<String, String> attribute) {
        return JsonColumns.write(attribute);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        return JsonColumns.readStrings(column);
    }
}
