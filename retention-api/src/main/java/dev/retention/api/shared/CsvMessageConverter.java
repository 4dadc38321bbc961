package dev.retention.api.shared;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes answers marked {@link CsvExport} (or lists of them) as {@code text/csv}: the answer's JSON, from the same
 * mapper as the JSON answers, laid out by {@link CsvTable}, so that both carry the same numbers.
 */
final class CsvMessageConverter extends AbstractGenericHttpMessageConverter<Object> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final JsonMapper json;

    CsvMessageConverter(JsonMapper json) {
        super(TEXT_CSV, new MediaType("text", "csv"));
        this.json = json;
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz.isAnnotationPresent(CsvExport.class);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return exportable(type == null ? clazz : type) && canWrite(mediaType);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
        return supports(clazz) || Collection.class.isAssignableFrom(clazz) ? super.getSupportedMediaTypes() : List.of();
    }

    private static boolean exportable(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isAnnotationPresent(CsvExport.class);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw) || raw == PageResponse.class) {
                return exportable(generic.getActualTypeArguments()[0]);
            }
            return raw.isAnnotationPresent(CsvExport.class);
        }
        return false;
    }

    @Override
    protected void writeInternal(Object answer, Type type, HttpOutputMessage output) throws IOException {
        output.getHeaders().add("Content-Disposition", "inline");
        JsonNode tree = json.valueToTree(answer);
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        CsvTable.of(tree, CsvColumns.of(ResolvableType.forType(type == null ? answer.getClass() : type)))
                .write(out);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV bodies are not read here", input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV bodies are not read here", input);
    }
}
