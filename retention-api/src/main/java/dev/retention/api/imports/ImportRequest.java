package dev.retention.api.imports;

import dev.retention.domain.event.EventType;
import dev.retention.domain.imports.ImportKind;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(
        description = "A CSV import of events: how the file's columns (named by its header row) become events. With "
                + "an orderId column the rows are order lines: consecutive rows of one order and customer become one "
                + "PURCHASE (or, when all its quantities are negative, one REFUND) whose lines are the rows' "
                + "productId, quantity and unitPrice, whose amount is their sum and whose key is the order id; one "
                + "line that cannot be read refuses its whole order.")
record ImportRequest(
        @Schema(
                description = "Which column fills which field; externalId (or customerId) and occurredAt are required, "
                        + "type unless given below (order lines default to PURCHASE); with orderId, also productId, "
                        + "quantity and unitPrice, and no amount.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Columns columns,

        @Schema(description = "The type of every row when no column gives it.") @Nullable
        EventType type,

        @Schema(
                description = "The currency of amounts when no column gives it (ISO 4217).",
                example = "EUR",
                pattern = "^[A-Z]{3}$")
        @Nullable
        String currency,

        @Schema(
                description = "The zone of times without an offset; default UTC.",
                example = "Europe/London",
                maxLength = 64)
        @Nullable
        String zone,

        @Schema(
                description = "A java.time pattern for the times, such as yyyy-MM-dd HH:mm or dd/MM/yyyy; default "
                        + "ISO 8601 (2026-01-31T10:15:00Z, 2026-01-31T10:15:00 in the zone, or 2026-01-31).",
                example = "yyyy-MM-dd HH:mm",
                maxLength = 100)
        @Nullable
        String timestampPattern,

        @Schema(description = "Create customers named by an unknown externalId; default true.") @Nullable
        Boolean createCustomers,

        @Schema(
                description = "The field delimiter, one character; default a comma.",
                example = ";",
                minLength = 1,
                maxLength = 1)
        @Nullable
        String delimiter,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Product ids that are no products (postage, fees, discounts): their "
                                        + "order lines are set aside with that reason, and their orders stored "
                                        + "without them. At most 1000.",
                                example = "[\"POST\", \"M\", \"D\", \"BANK CHARGES\"]"),
                maxItems = 1000,
                schema = @Schema(minLength = 1, maxLength = 128))
        @Nullable
        List<String> excludedProducts,

        @Schema(
                description = "EVENTS (the default): rows are events or order lines. CUSTOMERS: rows are customers, "
                        + "mapped by externalId, name, email, segment and acquiredAt, registered by the customer rules; "
                        + "those known by their externalId already are left as they are and count as duplicates.")
        @Nullable
        ImportKind kind) {

    @Schema(
            name = "ImportColumns",
            description = "Column names of the header row, by field; unmapped fields stay empty.")
    record Columns(
            @Schema(description = "The customer's id in this service.", example = "customer_uuid") @Nullable
            String customerId,

            @Schema(description = "The customer's id in the CRM.", example = "Customer ID") @Nullable
            String externalId,

            @Schema(description = "The event type (PURCHASE, REFUND, ...).", example = "Event") @Nullable
            String type,

            @Schema(description = "When it happened.", example = "Date") @Nullable
            String occurredAt,

            @Schema(description = "The amount (a decimal with a dot).", example = "Amount") @Nullable
            String amount,

            @Schema(description = "The currency of the amount.", example = "Currency") @Nullable
            String currency,

            @Schema(description = "The product.", example = "StockCode") @Nullable
            String productId,

            @Schema(
                    description = "A key unique per customer that makes a second import of the row a duplicate; "
                            + "without it the key is derived from the row's mapped values.",
                    example = "Invoice")
            @Nullable
            String eventKey,

            @Schema(
                    description = "The order (invoice) number; makes the rows order lines, grouped by it.",
                    example = "InvoiceNo")
            @Nullable
            String orderId,

            @Schema(
                    description = "An order line's quantity, a whole number; negative for a returned line.",
                    example = "Quantity")
            @Nullable
            String quantity,

            @Schema(description = "An order line's unit price (a decimal with a dot).", example = "UnitPrice") @Nullable
            String unitPrice,

            @Schema(
                    description = "The product's name, given to the catalogue for products without one.",
                    example = "Description")
            @Nullable
            String productName,

            @Schema(description = "A customer import: the customer's name.", example = "Name") @Nullable
            String name,

            @Schema(description = "A customer import: the customer's email address.", example = "Email") @Nullable
            String email,

            @Schema(description = "A customer import: the customer's segment.", example = "Segment") @Nullable
            String segment,

            @Schema(
                    description = "A customer import: when the customer was acquired (a time as for occurredAt); "
                            + "empty: from its first event.",
                    example = "Signed up")
            @Nullable
            String acquiredAt) {}
}
