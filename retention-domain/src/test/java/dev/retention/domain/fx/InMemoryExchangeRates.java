package dev.retention.domain.fx;

import dev.retention.domain.shared.Page;
import dev.retention.domain.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Exchange rates in a map, for tests of the rules that use them. */
public final class InMemoryExchangeRates implements ExchangeRates {

    private final Map<String, ExchangeRate> rates = new TreeMap<>();

    public InMemoryExchangeRates with(String currency, String date, String rate) {
        put(List.of(new ExchangeRate(currency, LocalDate.parse(date), new BigDecimal(rate))));
        return this;
    }

    @Override
    public void put(Collection<ExchangeRate> newRates) {
        newRates.forEach(rate -> rates.put(rate.currency() + "|" + rate.date(), rate));
    }

    @Override
    public List<ExchangeRate> between(Set<String> currencies, LocalDate from, LocalDate to) {
        return rates.values().stream()
                .filter(rate -> currencies.contains(rate.currency()))
                .filter(rate -> !rate.date().isBefore(from) && !rate.date().isAfter(to))
                .toList();
    }

    @Override
    public Page<ExchangeRate> list(String currency, LocalDate from, LocalDate to, PageRequest page) {
        List<ExchangeRate> matching = new ArrayList<>(rates.values().stream()
                .filter(rate -> currency == null || rate.currency().equals(currency))
                .filter(rate -> from == null || !rate.date().isBefore(from))
                .filter(rate -> to == null || !rate.date().isAfter(to))
                .sorted(Comparator.comparing(ExchangeRate::currency).thenComparing(ExchangeRate::date))
                .toList());
        List<ExchangeRate> items =
                matching.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(items, page.page(), page.size(), matching.size());
    }
}
