package dev.retention.domain.shared;

import java.util.function.Supplier;

/** Runs work atomically: either everything it wrote is committed, or nothing is. */
@FunctionalInterface
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
