package dev.retention.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

    /** 2F1(a, b; b; z) = (1 - z)^(-a). */
    @Test
    void aClosedFormIsMet() {
        assertThat(Hypergeometric.log2F1(0.7, 3.2, 3.2, 0.6)).isCloseTo(-0.7 * Math.log(0.4), within(1e-13));
    }

    /**
     * 2F1(-1, 1; 2000; 0.9) = 1 - 0.9 / 2000 = 0.99955. Its Euler form, 0.1^2000 · 2F1(2001, 1999; 2000; 0.9), has
     * terms near 10^1998 on the way: the series must be summed rescaled to stay finite.
     */
    @Test
    void aSeriesWhoseTermsOverflowADoubleStillGivesItsLogarithm() {
        assertThat(Hypergeometric.log2F1(-1, 1, 2000, 0.9)).isCloseTo(Math.log(0.99955), within(1e-9));
    }
}
