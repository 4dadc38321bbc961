package dev.retention.domain.prediction;

/** A model could not be fitted: too few customers, or the likelihood has no maximum inside the parameter range. */
public class ModelFitException extends RuntimeException {

    public ModelFitException(String message) {
        super(message);
    }

    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
