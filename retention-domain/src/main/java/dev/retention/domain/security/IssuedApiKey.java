package dev.retention.domain.security;

/** A newly issued key together with its secret, which is shown this once and never again. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.prefix() + "...]";
    }
}
