package dev.retention.domain.prediction;

import java.util.List;

/** The purchase models a lifetime-value fit can choose from; each with the names of its four parameters. */
public enum PurchaseModelKind {
    /** Fader, Hardie and Lee (2005): drop-out only after a repeat purchase; a one-time buyer is alive. */
    BG_NBD("BG/NBD", List.of("r", "alpha", "a", "b")),
    /** Batislam, Denizel and Filiztekin (2007): drop-out also right after the first purchase. */
    MBG_NBD("MBG/NBD", List.of("r", "alpha", "a", "b")),
    /** Schmittlein, Morrison and Colombo (1987): an exponential lifetime, independent of purchases. */
    PARETO_NBD("Pareto/NBD", List.of("r", "alpha", "s", "beta"));

    private final String title;
    private final List<String> parameterNames;

    PurchaseModelKind(String title, List<String> parameterNames) {
        this.title = title;
        this.parameterNames = parameterNames;
    }

    public String title() {
        return title;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    public ModelFit<? extends PurchaseModel> fit(List<PurchaseSummary> customers) {
        return switch (this) {
            case BG_NBD -> BgNbdFitter.fit(customers);
            case MBG_NBD -> MbgNbdFitter.fit(customers);
            case PARETO_NBD -> ParetoNbdFitter.fit(customers);
        };
    }

    /** The model with these parameters, in the order of {@link #parameterNames()}. */
    public PurchaseModel of(double[] values) {
        if (values.length != parameterNames.size()) {
            throw new IllegalArgumentException(title + " has " + parameterNames.size() + " parameters");
        }
        return switch (this) {
            case BG_NBD -> new BgNbdParameters(values[0], values[1], values[2], values[3]);
            case MBG_NBD -> new MbgNbdParameters(values[0], values[1], values[2], values[3]);
            case PARETO_NBD -> new ParetoNbdParameters(values[0], values[1], values[2], values[3]);
        };
    }
}
