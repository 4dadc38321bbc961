package dev.retention.domain.metrics;

/** Receives lifecycles, each standing for {@code customers} customers that share it. */
@FunctionalInterface
public interface LifecycleSink {

    void add(Lifecycle lifecycle, long customers);
}
