package io.quietwatch.engine.scantrend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopValueTest {
    @Test
    void emptyHasNoValue() {
        TopValue t = new TopValue();
        t.add(null, true);
        assertThat(t.value()).isNull();
        assertThat(t.lowerBound()).isZero();
        assertThat(t.flag()).isFalse();
    }

    @Test
    void fewValuesAreCountedExactly() {
        TopValue t = new TopValue();
        for (int i = 0; i < 8; i++) {
            t.add(i < 5 ? "10.0.0.25" : "10.0.0.26", i < 5);
        }
        assertThat(t.value()).isEqualTo("10.0.0.25");
        assertThat(t.lowerBound()).isEqualTo(5);
        assertThat(t.flag()).isTrue();
    }

    @Test
    void aMajorityAmongManyDistinctValuesKeepsAnAccurateLowerBound() {
        TopValue t = new TopValue();
        for (int i = 0; i < 400; i++) {
            t.add("198.51.100." + (i % 250) + "/" + i, false);
            t.add("10.0.0.25", true);
            if (i % 2 == 0) {
                t.add("10.0.0.25", true);
            }
        }
        assertThat(t.value()).isEqualTo("10.0.0.25");
        assertThat(t.flag()).isTrue();
        assertThat(t.lowerBound()).isBetween(590L, 600L);
    }

    @Test
    void theLowerBoundNeverExceedsTheTrueCount() {
        TopValue t = new TopValue();
        // a late-coming value takes over a slot and inherits its count as error
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j <= i; j++) {
                t.add("v" + i, false);
            }
        }
        for (int i = 0; i < 3; i++) {
            t.add("late", true);
        }
        assertThat(t.value()).isEqualTo("v3");
        assertThat(t.lowerBound()).isEqualTo(4);
        for (int i = 0; i < 5; i++) {
            t.add("late", true);
        }
        assertThat(t.value()).isEqualTo("late");
        assertThat(t.lowerBound()).isEqualTo(8);
    }
}
