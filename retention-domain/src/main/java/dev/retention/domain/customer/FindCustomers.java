package dev.retention.domain.customer;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;

/** Looks customers up: one by id, or a page of those a query matches. */
public class FindCustomers {

    private final Customers customers;

    public FindCustomers(Customers customers) {
        this.customers = customers;
    }

    /** The customer; not found when no customer has the id. */
    public Customer byId(CustomerId id) {
        return customers.existing(id);
    }

    public Page<Customer> matching(CustomerQuery query, PageRequest page) {
        return customers.search(query, page);
    }
}
