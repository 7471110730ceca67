package io.quietwatch.engine.nat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpIdSequencesTest {
    private static final IpIdSequences.Settings DEFAULTS = IpIdSequences.Settings.DEFAULTS;
    private static final String[] DESTINATIONS = {"93.184.216.34", "151.101.1.69", "142.250.74.46", "104.16.132.229",
        "13.107.42.14", "17.253.144.10", "185.199.108.153"};

    private final IpIdSequences sequences = new IpIdSequences();
    private long now = 1_800_000_000_000L;

    /** A host's global IP-ID counter, read after a few unlogged packets each time. */
    private static final class Host {
        private final SplittableRandom rnd;
        private final int maxStep;
        private final boolean swapped;
        private int counter;

        Host(long seed, int start, int maxStep, boolean swapped) {
            this.rnd = new SplittableRandom(seed);
            this.counter = start;
            this.maxStep = maxStep;
            this.swapped = swapped;
        }

        int next() {
            counter = (counter + 1 + rnd.nextInt(maxStep)) & 0xffff;
            return swapped ? IpIdSequences.swap(counter) : counter;
        }
    }

    private void send(int id, String destination) {
        now += 1000;
        sequences.add(id, now, destination, DEFAULTS);
    }

    /** Interleaves the hosts' packets in a seeded random order, {@code each} packets per host. */
    private void interleave(long seed, int each, Host... hosts) {
        SplittableRandom order = new SplittableRandom(seed);
        int[] left = new int[hosts.length];
        java.util.Arrays.fill(left, each);
        int remaining = each * hosts.length;
        int n = 0;
        while (remaining > 0) {
            int h = order.nextInt(hosts.length);
            if (left[h] == 0) {
                continue;
            }
            left[h]--;
            remaining--;
            send(hosts[h].next(), DESTINATIONS[(n++ + h) % DESTINATIONS.length]);
        }
    }

    @Test
    void oneBusyHostIsOneHost() {
        Host windows = new Host(1, 12_000, 40, false);
        for (int i = 0; i < 300; i++) {
            send(windows.next(), DESTINATIONS[i % DESTINATIONS.length]);
        }
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
        assertThat(sequences.liveSequences()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void interleavedHostsAreCountedOneEach(int hosts) {
        Host[] h = new Host[hosts];
        for (int i = 0; i < hosts; i++) {
            h[i] = new Host(100 + i, i * (65536 / hosts) + 77, 6, false);
        }
        interleave(hosts, 20, h);
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(hosts);
    }

    @Test
    void aCounterWrappingPast65535StaysOneSequence() {
        Host wrapping = new Host(3, 65_470, 5, false);
        Host other = new Host(4, 30_000, 5, false);
        interleave(5, 40, wrapping, other);
        assertThat(wrapping.counter).isLessThan(1000);
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(2);
        assertThat(sequences.liveSequences()).isEqualTo(2);
    }

    @Test
    void byteSwappedCounterIsOneHost() {
        // steps of 1-3 in the swapped counter are 256-771 on the wire: beyond maxGap when read as is
        Host oldWindows = new Host(6, 4000, 3, true);
        for (int i = 0; i < 200; i++) {
            send(oldWindows.next(), DESTINATIONS[i % DESTINATIONS.length]);
        }
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
        assertThat(sequences.liveSequences()).isEqualTo(1);
    }

    @Test
    void twoByteSwappedHostsAreTwo() {
        interleave(7, 25, new Host(8, 1000, 4, true), new Host(9, 40_000, 4, true));
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(2);
    }

    @Test
    void byteSwappedAndNormalHostsTogetherAreTwo() {
        interleave(10, 25, new Host(11, 20_000, 3, true), new Host(12, 20_000, 3, false));
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(2);
    }

    @Test
    void zeroIdsAreIgnored() {
        Host windows = new Host(13, 500, 4, false);
        for (int i = 0; i < 100; i++) {
            send(0, DESTINATIONS[i % DESTINATIONS.length]);
            send(0, DESTINATIONS[(i + 3) % DESTINATIONS.length]);
            send(windows.next(), DESTINATIONS[(i + 1) % DESTINATIONS.length]);
        }
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
        assertThat(sequences.liveSequences()).isEqualTo(1);
    }

    @Test
    void onlyZeroIdsGiveNoEstimate() {
        for (int i = 0; i < 100; i++) {
            send(0, DESTINATIONS[i % DESTINATIONS.length]);
        }
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isZero();
        assertThat(sequences.liveSequences()).isZero();
    }

    @Test
    void randomIdsAreOneHostWhateverTheSeed() {
        for (long seed = 1; seed <= 50; seed++) {
            IpIdSequences linux = new IpIdSequences();
            SplittableRandom rnd = new SplittableRandom(seed);
            long t = now;
            for (int i = 0; i < 2000; i++) {
                t += 200 + rnd.nextInt(5000);
                linux.add(1 + rnd.nextInt(65535), t, DESTINATIONS[rnd.nextInt(DESTINATIONS.length)], DEFAULTS);
                if (i >= IpIdSequences.RANDOM_MIN_PACKETS) {
                    assertThat(linux.estimate(DEFAULTS)).as("seed %d packet %d", seed, i).isLessThanOrEqualTo(1);
                }
            }
            assertThat(linux.isRandom()).as("seed %d", seed).isTrue();
            assertThat(linux.liveSequences()).isLessThanOrEqualTo(IpIdSequences.MAX_SEQUENCES);
        }
    }

    @Test
    void fewRandomIdsNeverReachTheMinimumLength() {
        SplittableRandom rnd = new SplittableRandom(99);
        for (int i = 0; i < IpIdSequences.RANDOM_MIN_PACKETS - 1; i++) {
            send(1 + rnd.nextInt(65535), DESTINATIONS[i % DESTINATIONS.length]);
        }
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isZero();
    }

    @Test
    void perConnectionCountersToSingleDestinationsCountAsOneHost() {
        // Linux numbers the packets of each connected socket from a random start: one sequence per
        // connection, each to one destination
        SplittableRandom rnd = new SplittableRandom(14);
        int[] ids = {rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt(65536), rnd.nextInt(65536)};
        for (int i = 0; i < 200; i++) {
            int c = rnd.nextInt(ids.length);
            ids[c] = (ids[c] + 1) & 0xffff;
            send(ids[c] == 0 ? 1 : ids[c], DESTINATIONS[c]);
        }
        assertThat(sequences.liveSequences()).isGreaterThanOrEqualTo(4);
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
    }

    @Test
    void aHostThatStopsIsNoLongerCountedOnceIdle() {
        interleave(15, 20, new Host(16, 100, 5, false), new Host(17, 33_000, 5, false));
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(2);
        Host survivor = new Host(18, 50_000, 5, false);
        long idleEnd = now + DEFAULTS.idleMillis() + 1;
        while (now < idleEnd) {
            now += 30_000;
            sequences.add(survivor.next(), now, DESTINATIONS[(int) (now / 30_000 % DESTINATIONS.length)], DEFAULTS);
        }
        assertThat(sequences.liveSequences()).isEqualTo(1);
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
    }

    @Test
    void aCounterThatJumpsIsStillOneHost() {
        // the host sent many unlogged packets in between: its next sequence starts after the first ended
        Host windows = new Host(19, 7000, 5, false);
        for (int i = 0; i < 20; i++) {
            send(windows.next(), DESTINATIONS[i % DESTINATIONS.length]);
        }
        windows.counter += 20_000;
        for (int i = 0; i < 20; i++) {
            send(windows.next(), DESTINATIONS[i % DESTINATIONS.length]);
        }
        assertThat(sequences.liveSequences()).isEqualTo(2);
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
    }

    @Test
    void sequencesShorterThanTheMinimumDoNotCount() {
        interleave(20, DEFAULTS.minLength() - 1, new Host(21, 100, 5, false), new Host(22, 33_000, 5, false));
        assertThat(sequences.estimate(DEFAULTS)).isZero();
        IpIdSequences.Settings shorter = new IpIdSequences.Settings(DEFAULTS.maxGap(), DEFAULTS.idleMillis(), 3);
        assertThat(sequences.estimate(shorter)).isEqualTo(2);
    }

    @Test
    void twoWindowsHostsAndALinuxHostWithRandomIdsAreAtLeastTwo() {
        Host a = new Host(23, 3000, 5, false);
        Host b = new Host(24, 43_000, 5, false);
        SplittableRandom linux = new SplittableRandom(25);
        for (int i = 0; i < 60; i++) {
            send(a.next(), DESTINATIONS[i % DESTINATIONS.length]);
            send(1 + linux.nextInt(65535), DESTINATIONS[(i + 2) % DESTINATIONS.length]);
            send(b.next(), DESTINATIONS[(i + 4) % DESTINATIONS.length]);
        }
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isBetween(2, 3);
    }

    @Test
    void stateStaysBoundedAndClearForgetsEverything() {
        SplittableRandom rnd = new SplittableRandom(26);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            send(1 + rnd.nextInt(65535), null);
            sizes.add(sequences.liveSequences());
        }
        assertThat(sizes).allMatch(s -> s <= IpIdSequences.MAX_SEQUENCES);
        sequences.clear();
        assertThat(sequences.liveSequences()).isZero();
        assertThat(sequences.isRandom()).isFalse();
        assertThat(sequences.estimate(DEFAULTS)).isZero();
    }

    @Test
    void withoutDestinationsEverySequenceCounts() {
        Host a = new Host(27, 3000, 5, false);
        Host b = new Host(28, 43_000, 5, false);
        for (int i = 0; i < 20; i++) {
            send(a.next(), null);
            send(b.next(), null);
        }
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(2);
    }

    @Test
    void duplicatesAndLatePacketsDoNotSplitASequence() {
        Host a = new Host(29, 3000, 5, false);
        int id = a.next();
        send(id, DESTINATIONS[0]);
        send(id, DESTINATIONS[0]);
        for (int i = 0; i < 10; i++) {
            sequences.add(a.next(), now - 5000, DESTINATIONS[i % 3], DEFAULTS);
        }
        assertThat(sequences.liveSequences()).isEqualTo(1);
        assertThat(sequences.estimate(DEFAULTS)).isEqualTo(1);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new IpIdSequences.Settings(0, 1000, 5)).hasMessageContaining("maxGap");
        assertThatThrownBy(() -> new IpIdSequences.Settings(5000, 1000, 5)).hasMessageContaining("maxGap");
        assertThatThrownBy(() -> new IpIdSequences.Settings(512, 0, 5)).hasMessageContaining("idle");
        assertThatThrownBy(() -> new IpIdSequences.Settings(512, 1000, 1)).hasMessageContaining("minLength");
    }

    @Test
    void swapExchangesTheBytes() {
        assertThat(IpIdSequences.swap(0x1234)).isEqualTo(0x3412);
        assertThat(IpIdSequences.swap(0x00ff)).isEqualTo(0xff00);
    }
}
