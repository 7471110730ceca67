package io.quietwatch.engine.scantrend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctCounterTest {
    private static String ip(int i) {
        return (11 + (i >>> 24 & 0x7F)) + "." + (i >>> 16 & 0xFF) + "." + (i >>> 8 & 0xFF) + "." + (i & 0xFF);
    }

    @Test
    void countsExactlyUpToTheLimitWhateverTheRepeats() {
        DistinctCounter c = new DistinctCounter();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < DistinctCounter.EXACT_LIMIT; i++) {
                c.add(ip(i));
            }
        }
        c.add((String) null);
        assertThat(c.exact()).isTrue();
        assertThat(c.estimate()).isEqualTo(DistinctCounter.EXACT_LIMIT);
        c.add(ip(DistinctCounter.EXACT_LIMIT));
        assertThat(c.exact()).isFalse();
        assertThat(c.estimate()).isBetween(125L, 135L);
    }

    /** Within three standard errors (3 x 2.3 %) of the true count. */
    private static void near(long estimate, double truth) {
        assertThat((double) estimate).isBetween(truth * 0.93, truth * 1.07);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 2_000, 10_000, 100_000, 1_000_000})
    void estimatesLargeCountsInTwoKilobytes(int n) {
        DistinctCounter c = new DistinctCounter();
        for (int i = 0; i < n; i++) {
            c.add(ip(i));
            c.add(ip(i / 2));
        }
        near(c.estimate(), n);
        assertThat(c.storageBytes()).isLessThanOrEqualTo(2048);
    }

    @Test
    void portsAreCountedToo() {
        DistinctCounter c = new DistinctCounter();
        for (int port = 0; port <= 0xFFFF; port++) {
            c.add(port);
            c.add(port);
        }
        near(c.estimate(), 65_536);
    }

    @Test
    void unionOfExactSetsIsExact() {
        DistinctCounter a = new DistinctCounter();
        DistinctCounter b = new DistinctCounter();
        for (int i = 0; i < 40; i++) {
            a.add(ip(i));
            b.add(ip(i + 20));
        }
        a.addAll(b);
        assertThat(a.exact()).isTrue();
        assertThat(a.estimate()).isEqualTo(60);
    }

    @Test
    void unionWithASketchIsEstimated() {
        DistinctCounter a = new DistinctCounter();
        DistinctCounter b = new DistinctCounter();
        DistinctCounter small = new DistinctCounter();
        for (int i = 0; i < 50_000; i++) {
            a.add(ip(i));
            b.add(ip(i + 25_000));
        }
        small.add(ip(1));
        small.add("2001:db8::1");
        small.addAll(a);
        near(small.estimate(), 50_001);
        a.addAll(b);
        near(a.estimate(), 75_000);
    }

    @Test
    void theHashSpreadsSimilarAddresses() {
        assertThat(DistinctCounter.hash("10.0.0.1")).isNotEqualTo(DistinctCounter.hash("10.0.0.2"));
        long ones = 0;
        for (int i = 0; i < 1000; i++) {
            ones += Long.bitCount(DistinctCounter.hash(ip(i)) >>> 53);
        }
        // the top 11 bits choose the register: about half of them set on average
        assertThat(ones / 1000.0).isBetween(5.0, 6.0);
    }
}
