package dev.retention.api.customer;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.NewCustomer;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CustomerApiMapper {

    @Mapping(target = "erased", expression = "java(customer.isErased())")
    CustomerResponse toResponse(Customer customer);

    NewCustomer toNewCustomer(CreateCustomerRequest request);

    default UUID toUuid(CustomerId id) {
        return id.value();
    }
}
