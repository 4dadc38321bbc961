package dev.retention.app.demo;

import dev.retention.domain.customer.Customer;
import dev.retention.domain.customer.CustomerId;
import dev.retention.domain.customer.NewCustomer;
import dev.retention.domain.event.CustomerReference;
import dev.retention.domain.event.EventSubmission;
import dev.retention.domain.event.EventType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A realistic, reproducible demo data set: customers acquired over two years (more in the second year), who buy,
 * log in, contact support, sometimes get a refund, churn with a monthly hazard that depends on their segment, and
 * sometimes come back. Business customers (SME, enterprise) also hold a monthly subscription from acquisition,
 * sometimes upgrade it, cancel it when they churn and take it again when they come back. The same seed always gives
 * the same customers and events.
 */
public final class DemoDataGenerator {

    public static final Instant START = Instant.parse("2024-11-01T00:00:00Z");
    public static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    public static final long DEFAULT_SEED = 20_241_101L;

    private static final Duration MONTH = Duration.ofDays(30);

    private final SplittableRandom random;
    /** Subscriptions draw from their own stream, so that every other event stays what it was without them. */
    private final SplittableRandom plans;
    /** So do the products of purchases. */
    private final SplittableRandom shelf;

    private final String currency;

    public DemoDataGenerator(long seed, String currency) {
        this.random = new SplittableRandom(seed);
        this.plans = new SplittableRandom(~seed);
        this.shelf = new SplittableRandom(seed * 31 + 17);
        this.currency = currency;
    }

    /** The generated data: customers (with ids derived from the seed) and their events in time order. */
    public record DemoData(List<Customer> customers, List<EventSubmission> events) {}

    public DemoData generate(int customerCount) {
        List<Customer> customers = new ArrayList<>(customerCount);
        List<EventSubmission> events = new ArrayList<>();
        for (int n = 1; n <= customerCount; n++) {
            Segment segment = Segment.pick(random.nextDouble());
            Instant acquired = acquisitionTime();
            String externalId = String.format("demo-%05d", n);
            CustomerId id =
                    new CustomerId(UUID.nameUUIDFromBytes(("demo:" + externalId).getBytes(StandardCharsets.UTF_8)));
            customers.add(Customer.register(
                    id,
                    new NewCustomer(
                            externalId,
                            String.format("Demo Customer %05d", n),
                            String.format("customer%05d@example.com", n),
                            segment.label,
                            acquired,
                            Map.of("source", "demo", "country", country())),
                    acquired));
            simulate(externalId, segment, acquired, events);
        }
        events.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        return new DemoData(customers, events);
    }

    /** Growth: the density of acquisitions rises linearly, so the second year brings about twice the first. */
    private Instant acquisitionTime() {
        double u = Math.sqrt(random.nextDouble() * 3 + 1) - 1;
        long span = Duration.between(START, END).toSeconds();
        return START.plusSeconds((long) (u * span) / 60 * 60);
    }

    private void simulate(String externalId, Segment segment, Instant acquired, List<EventSubmission> events) {
        int sequence = 0;
        events.add(event(externalId, ++sequence, EventType.ACQUIRED, acquired, null));
        Subscription subscription = new Subscription(externalId, segment, events);
        int taste = DemoCatalogue.taste(shelf);
        subscription.change(acquired, segment.monthlyPlan);
        Instant now = acquired;
        boolean active = true;
        while (now.isBefore(END)) {
            Instant next = now.plus(MONTH);
            if (active) {
                sequence = activeMonth(externalId, segment, taste, now, sequence, events);
                subscription.maybeUpgrade(now.plus(Duration.ofDays(15)));
                if (random.nextDouble() < segment.monthlyChurn) {
                    Instant churnedAt = within(now, next);
                    if (churnedAt.isBefore(END)) {
                        events.add(event(externalId, ++sequence, EventType.CHURNED, churnedAt, null));
                        subscription.change(churnedAt, BigDecimal.ZERO);
                    }
                    active = false;
                }
            } else if (random.nextDouble() < 0.04) {
                Instant back = within(now, next);
                if (back.isBefore(END)) {
                    events.add(event(externalId, ++sequence, EventType.REACTIVATED, back, null));
                    subscription.change(back, segment.monthlyPlan);
                }
                active = true;
            }
            now = next;
        }
    }

    /** A business customer's plan: a SUBSCRIPTION event whenever its monthly amount changes. */
    private final class Subscription {

        private final String externalId;
        private final Segment segment;
        private final List<EventSubmission> events;
        private BigDecimal monthly = BigDecimal.ZERO;
        private int changes;

        Subscription(String externalId, Segment segment, List<EventSubmission> events) {
            this.externalId = externalId;
            this.segment = segment;
            this.events = events;
        }

        void change(Instant at, BigDecimal amount) {
            if (segment.monthlyPlan == null || !at.isBefore(END) || amount.compareTo(monthly) == 0) {
                return;
            }
            monthly = amount;
            events.add(new EventSubmission(
                    CustomerReference.byExternalId(externalId, false),
                    EventType.SUBSCRIPTION,
                    at,
                    amount,
                    currency,
                    null,
                    Map.of(),
                    externalId + "-plan-" + ++changes));
        }

        void maybeUpgrade(Instant at) {
            if (segment.monthlyPlan != null && monthly.signum() > 0 && plans.nextDouble() < 0.02) {
                change(at, monthly.add(segment.monthlyPlan));
            }
        }
    }

    private int activeMonth(
            String externalId,
            Segment segment,
            int taste,
            Instant monthStart,
            int sequence,
            List<EventSubmission> events) {
        Instant monthEnd = monthStart.plus(MONTH);
        int purchases = poisson(segment.purchasesPerMonth);
        for (int i = 0; i < purchases; i++) {
            Instant at = within(monthStart, monthEnd);
            if (!at.isBefore(END)) {
                continue;
            }
            BigDecimal amount = amount(segment.meanBasket);
            String product = DemoCatalogue.pick(shelf, taste);
            events.add(event(externalId, ++sequence, EventType.PURCHASE, at, amount, product));
            if (random.nextDouble() < 0.03) {
                Instant refundAt = at.plus(Duration.ofDays(1 + random.nextInt(14)));
                if (refundAt.isBefore(END)) {
                    BigDecimal refunded = amount.multiply(BigDecimal.valueOf(0.2 + 0.8 * random.nextDouble()))
                            .setScale(2, RoundingMode.HALF_EVEN)
                            .max(new BigDecimal("0.01"));
                    events.add(event(externalId, ++sequence, EventType.REFUND, refundAt, refunded, product));
                }
            }
        }
        for (int i = poisson(2.0); i > 0; i--) {
            Instant at = within(monthStart, monthEnd);
            if (at.isBefore(END)) {
                events.add(event(externalId, ++sequence, EventType.LOGIN, at, null));
            }
        }
        if (random.nextDouble() < 0.08) {
            Instant at = within(monthStart, monthEnd);
            if (at.isBefore(END)) {
                events.add(event(externalId, ++sequence, EventType.SUPPORT_CONTACT, at, null));
            }
        }
        return sequence;
    }

    private EventSubmission event(String externalId, int sequence, EventType type, Instant at, BigDecimal amount) {
        return event(externalId, sequence, type, at, amount, null);
    }

    private EventSubmission event(
            String externalId, int sequence, EventType type, Instant at, BigDecimal amount, String product) {
        return new EventSubmission(
                CustomerReference.byExternalId(externalId, false),
                type,
                at,
                amount,
                amount == null ? null : currency,
                product,
                Map.of(),
                externalId + "-" + sequence);
    }

    private Instant within(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return from.plusSeconds(random.nextLong(seconds) / 60 * 60);
    }

    /** Log-normal basket sizes around the segment's mean, in cents. */
    private BigDecimal amount(double mean) {
        double sigma = 0.6;
        double value = mean * Math.exp(sigma * gaussian() - sigma * sigma / 2);
        return BigDecimal.valueOf(Math.max(1, Math.round(value * 100)), 2);
    }

    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private String country() {
        String[] countries = {"DE", "FR", "NL", "ES", "IT", "AT"};
        return countries[random.nextInt(countries.length)];
    }

    private enum Segment {
        RETAIL("retail", 0.60, 0.9, 45.0, 0.050, null),
        SME("sme", 0.30, 1.8, 180.0, 0.030, new BigDecimal("49.00")),
        ENTERPRISE("enterprise", 0.10, 3.0, 900.0, 0.015, new BigDecimal("490.00"));

        private final String label;
        private final double share;
        private final double purchasesPerMonth;
        private final double meanBasket;
        private final double monthlyChurn;
        /** The plan a customer of the segment subscribes to; null: the segment buys without subscriptions. */
        private final BigDecimal monthlyPlan;

        Segment(
                String label,
                double share,
                double purchasesPerMonth,
                double meanBasket,
                double monthlyChurn,
                BigDecimal monthlyPlan) {
            this.label = label;
            this.share = share;
            this.purchasesPerMonth = purchasesPerMonth;
            this.meanBasket = meanBasket;
            this.monthlyChurn = monthlyChurn;
            this.monthlyPlan = monthlyPlan;
        }

        static Segment pick(double u) {
            double cumulative = 0;
            for (Segment segment : values()) {
                cumulative += segment.share;
                if (u < cumulative) {
                    return segment;
                }
            }
            return ENTERPRISE;
        }
    }
}
