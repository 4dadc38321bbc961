package dev.retention.api.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.function.Consumer;

/** Visits every schema of an OpenAPI document: components, parameters, bodies, responses and their nesting. */
final class SchemaWalk {

    private SchemaWalk() {}

    static void everySchema(OpenAPI openApi, Consumer<Schema> visitor) {
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> walk(schema, visitor));
        }
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> walk(parameter.getSchema(), visitor));
                    }
                    if (operation.getRequestBody() != null) {
                        walk(operation.getRequestBody().getContent(), visitor);
                    }
                    operation.getResponses().values().forEach(response -> walk(response.getContent(), visitor));
                }));
    }

    private static void walk(Content content, Consumer<Schema> visitor) {
        if (content != null) {
            content.values().forEach(media -> walk(media.getSchema(), visitor));
        }
    }

    private static void walk(Schema<?> schema, Consumer<Schema> visitor) {
        if (schema == null) {
            return;
        }
        visitor.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> walk(property, visitor));
        }
        walk(schema.getItems(), visitor);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            walk(additional, visitor);
        }
        for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (composed != null) {
                composed.forEach(part -> walk(part, visitor));
            }
        }
    }
}
