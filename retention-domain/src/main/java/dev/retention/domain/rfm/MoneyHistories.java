package dev.retention.domain.rfm;

import dev.retention.domain.shared.StoredIdOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every customer's purchases and refunds, kept compact so that the figures of any window come from two binary searches
 * per customer instead of from the events: the customers in id order ({@link StoredIdOrder}), each one's purchase
 * instants ascending with the running total of their amounts, and the same for its refunds. Instants are microseconds
 * since the epoch and amounts ten-thousandths, the database's precision and scale, so that sums are exact. Immutable:
 * {@link #with} gives new histories with movements added.
 */
public final class MoneyHistories {

    /** Ten-thousandths: the scale of stored amounts. */
    public static final int AMOUNT_SCALE = 4;

    /** A purchase or a refund: whose, which, when (microseconds since the epoch) and how much (ten-thousandths). */
    public record Movement(UUID customerId, boolean refund, long atMicros, long amountUnits) {

        static final Comparator<Movement> BY_CUSTOMER_THEN_TIME =
                Comparator.comparing(Movement::customerId, StoredIdOrder.ORDER).thenComparingLong(Movement::atMicros);
    }

    /** One customer's figures in a window, by its position in the histories. */
    public record WindowFigures(int[] customer, long[] lastPurchaseMicros, long[] frequency, long[] monetaryUnits) {

        public int size() {
            return customer.length;
        }
    }

    private final long[] idHigh;
    private final long[] idLow;
    private final Series purchases;
    private final Series refunds;

    private MoneyHistories(long[] idHigh, long[] idLow, Series purchases, Series refunds) {
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.purchases = purchases;
        this.refunds = refunds;
    }

    public static MoneyHistories empty() {
        return new Builder().build();
    }

    /** Histories from movements in any order. */
    public static MoneyHistories of(List<Movement> movements) {
        return empty().with(movements);
    }

    public int customers() {
        return idHigh.length;
    }

    public int movements() {
        return purchases.at.length + refunds.at.length;
    }

    public UUID customerId(int position) {
        return new UUID(idHigh[position], idLow[position]);
    }

    /** The customer's position, or -1 when it has no purchase or refund. */
    public int position(UUID customerId) {
        int low = 0;
        int high = idHigh.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compareId(middle, customerId.getMostSignificantBits(), customerId.getLeastSignificantBits());
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * The figures of the customers with a purchase in the window (from, to], in position order: the rule of {@link
     * RfmFigures#of}, the last purchase being the last one at or before {@code to}.
     */
    public WindowFigures window(Instant from, Instant to) {
        long fromMicros = micros(from);
        long toMicros = micros(to);
        int customers = idHigh.length;
        int[] customer = new int[customers];
        long[] last = new long[customers];
        long[] frequency = new long[customers];
        long[] monetary = new long[customers];
        int scored = 0;
        for (int c = 0; c < customers; c++) {
            int start = purchases.from[c];
            int end = purchases.from[c + 1];
            if (start == end) {
                continue;
            }
            int after = purchases.upTo(start, end, toMicros);
            int before = purchases.upTo(start, after, fromMicros);
            if (after == before) {
                continue;
            }
            customer[scored] = c;
            last[scored] = purchases.at[after - 1];
            frequency[scored] = after - before;
            monetary[scored] =
                    purchases.totalBetween(start, before, after) - refunds.windowTotal(c, fromMicros, toMicros);
            scored++;
        }
        return new WindowFigures(
                Arrays.copyOf(customer, scored),
                Arrays.copyOf(last, scored),
                Arrays.copyOf(frequency, scored),
                Arrays.copyOf(monetary, scored));
    }

    /** These histories with the movements added (in any order). */
    public MoneyHistories with(List<Movement> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Movement> sorted = new ArrayList<>(added);
        sorted.sort(Movement.BY_CUSTOMER_THEN_TIME);
        Builder builder = new Builder(customers() + sorted.size(), purchases.at.length + sorted.size());
        int c = 0;
        int next = 0;
        while (c < customers() || next < sorted.size()) {
            UUID addedId = next < sorted.size() ? sorted.get(next).customerId() : null;
            int order = addedId == null
                    ? -1
                    : c == customers()
                            ? 1
                            : compareId(c, addedId.getMostSignificantBits(), addedId.getLeastSignificantBits());
            if (order < 0) {
                builder.copy(this, c++);
                continue;
            }
            List<Movement> own = new ArrayList<>();
            if (order == 0) {
                addOwn(c++, own);
            }
            while (next < sorted.size() && sorted.get(next).customerId().equals(addedId)) {
                own.add(sorted.get(next++));
            }
            builder.customer(addedId, own);
        }
        return builder.build();
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static BigDecimal amount(long units) {
        return BigDecimal.valueOf(units, AMOUNT_SCALE);
    }

    /**
     * Microseconds since the epoch, rounded down: an event at a whole microsecond is at or before it exactly then.
     * Instants beyond what a long holds (hundreds of thousands of years away) become its end, which no event reaches.
     */
    public static long micros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (ArithmeticException beyond) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private void addOwn(int c, List<Movement> own) {
        UUID id = customerId(c);
        purchases.addOwn(c, id, false, own);
        refunds.addOwn(c, id, true, own);
    }

    private int compareId(int position, long high, long low) {
        int order = Long.compareUnsigned(idHigh[position], high);
        return order != 0 ? order : Long.compareUnsigned(idLow[position], low);
    }

    /** One kind of movement of every customer: customer c's are at[from[c]] to at[from[c + 1] - 1]. */
    private record Series(int[] from, long[] at, long[] total) {

        /** The index after the last movement at or before {@code micros} among [start, end). */
        int upTo(int start, int end, long micros) {
            int low = start;
            int high = end;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (at[middle] <= micros) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** The amounts of the movements [before, after) of the customer whose first is at start. */
        long totalBetween(int start, int before, int after) {
            return (after == start ? 0 : total[after - 1]) - (before == start ? 0 : total[before - 1]);
        }

        long windowTotal(int c, long fromMicros, long toMicros) {
            int start = from[c];
            int end = from[c + 1];
            if (start == end) {
                return 0;
            }
            int after = upTo(start, end, toMicros);
            return totalBetween(start, upTo(start, after, fromMicros), after);
        }

        void addOwn(int c, UUID id, boolean refund, List<Movement> own) {
            for (int i = from[c]; i < from[c + 1]; i++) {
                long amount = total[i] - (i == from[c] ? 0 : total[i - 1]);
                own.add(new Movement(id, refund, at[i], amount));
            }
        }
    }

    /**
     * Assembles histories customer by customer, in id order. The running totals are checked: a customer whose
     * amounts add up beyond 2^63 ten-thousandths cannot be kept ({@link ArithmeticException}).
     */
    public static final class Builder {

        private final Growing ids;
        private final Growing idLows;
        private final SeriesBuilder purchases;
        private final SeriesBuilder refunds;
        private UUID lastId;

        public Builder() {
            this(16, 16);
        }

        public Builder(int expectedCustomers, int expectedMovements) {
            ids = new Growing(expectedCustomers);
            idLows = new Growing(expectedCustomers);
            purchases = new SeriesBuilder(expectedCustomers, expectedMovements);
            refunds = new SeriesBuilder(expectedCustomers, 16);
        }

        /** Adds a customer after every one added so far (in id order), with its movements in any order. */
        public Builder customer(UUID id, List<Movement> movements) {
            if (lastId != null && StoredIdOrder.compare(lastId, id) >= 0) {
                throw new IllegalArgumentException("customers must be added in id order: " + id + " after " + lastId);
            }
            lastId = id;
            ids.add(id.getMostSignificantBits());
            idLows.add(id.getLeastSignificantBits());
            List<Movement> inTime = new ArrayList<>(movements);
            inTime.sort(Comparator.comparingLong(Movement::atMicros));
            for (Movement movement : inTime) {
                if (movement.amountUnits() < 0) {
                    throw new IllegalArgumentException("amounts are not negative: " + movement);
                }
                (movement.refund() ? refunds : purchases).add(movement.atMicros(), movement.amountUnits());
            }
            purchases.endCustomer();
            refunds.endCustomer();
            return this;
        }

        void copy(MoneyHistories source, int c) {
            UUID id = source.customerId(c);
            lastId = id;
            ids.add(id.getMostSignificantBits());
            idLows.add(id.getLeastSignificantBits());
            purchases.copy(source.purchases, c);
            refunds.copy(source.refunds, c);
        }

        public MoneyHistories build() {
            return new MoneyHistories(ids.toArray(), idLows.toArray(), purchases.build(), refunds.build());
        }
    }

    private static final class SeriesBuilder {

        private final Growing at;
        private final Growing total;
        private int[] from;
        private int customers;
        private long running;

        SeriesBuilder(int expectedCustomers, int expectedMovements) {
            at = new Growing(expectedMovements);
            total = new Growing(expectedMovements);
            from = new int[Math.max(2, expectedCustomers + 1)];
        }

        void add(long micros, long amount) {
            running = Math.addExact(running, amount);
            at.add(micros);
            total.add(running);
        }

        void endCustomer() {
            customers++;
            if (customers + 1 > from.length) {
                from = Arrays.copyOf(from, from.length + (from.length >> 1) + 1);
            }
            from[customers] = at.size();
            running = 0;
        }

        void copy(Series source, int c) {
            int start = source.from[c];
            int end = source.from[c + 1];
            at.addAll(source.at, start, end);
            total.addAll(source.total, start, end);
            endCustomer();
        }

        Series build() {
            return new Series(Arrays.copyOf(from, customers + 1), at.toArray(), total.toArray());
        }
    }

    private static final class Growing {

        private long[] values;
        private int size;

        Growing(int capacity) {
            values = new long[Math.max(16, capacity)];
        }

        void add(long value) {
            ensure(size + 1);
            values[size++] = value;
        }

        void addAll(long[] source, int start, int end) {
            ensure(size + end - start);
            System.arraycopy(source, start, values, size, end - start);
            size += end - start;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }

        private void ensure(int capacity) {
            if (capacity > values.length) {
                values = Arrays.copyOf(values, Math.max(capacity, values.length + (values.length >> 1)));
            }
        }
    }
}
