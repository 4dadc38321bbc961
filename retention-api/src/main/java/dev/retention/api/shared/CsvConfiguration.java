package dev.retention.api.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports as CSV: asked for with {@code Accept: text/csv} or with {@code format=csv} (which wins over the header;
 * {@code format=json} asks for JSON), and written by {@link CsvMessageConverter}.
 */
@Configuration(proxyBeanMethods = false)
class CsvConfiguration implements WebMvcConfigurer {

    static final String FORMAT = "format";

    private final JsonMapper json;

    CsvConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation
                .favorParameter(true)
                .parameterName(FORMAT)
                .mediaType("json", MediaType.APPLICATION_JSON)
                .mediaType("csv", CsvMessageConverter.TEXT_CSV);
    }

    /** Last, so that a request that names no type (or any type) gets JSON. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new CsvMessageConverter(json));
    }

    /**
     * Whether content negotiation will answer this request with CSV: {@code format=csv}, or no format and an Accept
     * header whose most preferred type that the service can write is CSV.
     */
    static boolean wantsCsv(WebRequest request) {
        String format = request.getParameter(FORMAT);
        if (format != null) {
            return format.equals("csv");
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.getQualityValue() > 0 && type.isCompatibleWith(CsvMessageConverter.TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }
}
