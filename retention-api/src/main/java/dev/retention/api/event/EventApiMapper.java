package dev.retention.api.event;

import dev.retention.api.shared.FieldError;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.event.Conversion;
import dev.retention.domain.event.CustomerEvent;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventOutcome;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.IngestionResult;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(imports = {CustomerReference.class, CustomerId.class, FieldError.class})
interface EventApiMapper {

    @Mapping(target = "amount", source = "amount.amount")
    @Mapping(
            target = "currency",
            expression = "java(event.amount() == null ? null " + ": event.amount().currency().getCurrencyCode())")
    EventResponse toResponse(CustomerEvent event);

    @Mapping(target = "amount", source = "converted.amount")
    @Mapping(target = "currency", expression = "java(conversion.converted().currency().getCurrencyCode())")
    EventResponse.ConversionResponse toResponse(Conversion conversion);

    @Mapping(target = "customer", expression = "java(CustomerReference.byId(customerId))")
    EventSubmission toSubmission(EventRequest request, CustomerId customerId);

    @Mapping(
            target = "customer",
            expression = "java(new CustomerReference(request.customerId() == null ? null "
                    + ": CustomerId.of(request.customerId()), request.externalId(), "
                    + "Boolean.TRUE.equals(request.createCustomer())))")
    EventSubmission toSubmission(BatchEventRequest request);

    @Mapping(target = "eventId", source = "event.id")
    @Mapping(target = "customerId", source = "event.customerId")
    @Mapping(target = "errors", expression = "java(outcome.errors().stream().map(FieldError::of).toList())")
    BatchItemResponse toItem(EventOutcome outcome);

    default BatchResponse toResponse(IngestionResult result) {
        return new BatchResponse(
                result.count(EventOutcome.Status.CREATED),
                result.count(EventOutcome.Status.DUPLICATE),
                result.count(EventOutcome.Status.CONFLICT) + result.count(EventOutcome.Status.INVALID),
                result.outcomes().stream().map(this::toItem).toList());
    }

    default UUID toUuid(CustomerId id) {
        return id == null ? null : id.value();
    }
}
