package dev.retention.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.app.demo.DemoDataLoader;
import dev.retention.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataLoaderTest extends ApiTest {

    @Autowired
    DemoDataLoader loader;

    @Test
    void loadsIntoAnEmptyDatabaseOnlyOnce() {
        assertThat(loader.loadIfEmpty()).isTrue();
        long events = count("customer_event");

        assertThat(count("customer")).isEqualTo(DemoDataLoader.DEMO_CUSTOMERS);
        assertThat(events).isGreaterThan(20_000);
        assertThat(loader.loadIfEmpty()).isFalse();
        assertThat(count("customer_event")).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from customer where acquired_at is null", Long.class))
                .isZero();
    }
}
