package dev.retention.domain.imports;

import dev.retention.domain.customer.CustomerRules;
import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.shared.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the rows of a customer file into customers by a mapping, or says why a row cannot be one. */
final class CustomerRows {

    /** A row as a customer, or the reasons it is not one. */
    record Parsed(NewCustomer customer, List<String> reasons) {}

    private final Map<ImportField, Integer> index;
    private final RowFields times;

    private CustomerRows(ImportMapping mapping, Map<ImportField, Integer> index) {
        this.index = index;
        this.times = new RowFields(mapping);
    }

    static CustomerRows of(List<String> header, ImportMapping mapping) {
        return new CustomerRows(mapping, RowFields.columnsOf(header, mapping));
    }

    Parsed parse(List<String> fields) {
        List<String> reasons = new ArrayList<>();
        Instant acquiredAt =
                times.read(value(fields, ImportField.ACQUIRED_AT), ImportField.ACQUIRED_AT, false, reasons);
        NewCustomer customer = new NewCustomer(
                value(fields, ImportField.EXTERNAL_ID),
                value(fields, ImportField.NAME),
                value(fields, ImportField.EMAIL),
                value(fields, ImportField.SEGMENT),
                acquiredAt,
                Map.of());
        for (Violation broken : CustomerRules.checkNew(customer)) {
            reasons.add(broken.field() + " " + broken.message());
        }
        return reasons.isEmpty() ? new Parsed(customer, List.of()) : new Parsed(null, reasons);
    }

    private String value(List<String> fields, ImportField field) {
        return RowFields.value(index, fields, field);
    }
}
