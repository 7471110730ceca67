package io.quietwatch.bench;

import io.quietwatch.alert.Alert;
import io.quietwatch.engine.RuleEngine;
import io.quietwatch.engine.list.ListStore;
import io.quietwatch.event.InternalNetworks;
import io.quietwatch.event.LogEvent;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The live heap of the p2p-user rule (D6) under floods of UDP flows, with only that rule deployed:
 * <ol>
 *   <li>one internal host sending to {@code peers} random outside addresses on random high ports
 *       (1,000 flows a second of event time);</li>
 *   <li>{@code hosts} internal hosts with 10 peers each (below the threshold, so each keeps its state),
 *       then the same after one window of silence, when the hosts' groups have been reclaimed.</li>
 * </ol>
 * Arguments: {@code [peers=1000000] [hosts=100000] [all]}; with {@code all} every shipped rule is
 * deployed, not only p2p-user. Run with e.g. {@code -Xms1g -Xmx1g}.
 */
public final class P2pUserFlood {
    private static final long T0 = Instant.parse("2026-11-03T09:00:00Z").toEpochMilli();
    private static final InternalNetworks NETS = InternalNetworks.defaults();

    private P2pUserFlood() {
    }

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path rules = Path.of("epl-rules");
        if (args.length < 3 || !args[2].equals("all")) {
            rules = Files.createTempDirectory("p2p-flood");
            Files.copy(Path.of("epl-rules/p2p-user.epl"), rules.resolve("p2p-user.epl"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<Alert> alerts = new ArrayList<>();
        try (RuleEngine engine = new RuleEngine(RuleEngine.Mode.REPLAY, Clock.systemUTC(), 0, alerts::add,
                new ListStore(null, "lists"))) {
            if (!engine.load(rules, "rules", Map.of()).isEmpty()) {
                throw new IllegalStateException("the rule does not load");
            }
            engine.send(flow(T0, "10.9.9.9", "192.0.2.1", 53));
            long base = heap();
            System.out.printf("rule deployed, no state: %.1f MB%n", base / 1e6);

            SplittableRandom rnd = new SplittableRandom(42);
            long start = System.nanoTime();
            long t = T0;
            for (int i = 0; i < peers; i++) {
                engine.send(flow(t++, "10.1.0.50", randomPeer(rnd), 1024 + rnd.nextInt(64_511)));
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("one host, %,d random peers: %,.0f flows/s, %d alerts, heap %.1f MB (+%.1f MB)%n",
                    peers, peers / secs, alerts.size(), heap() / 1e6, (heap() - base) / 1e6);

            for (int h = 0; h < hosts; h++) {
                String host = "10." + (20 + h / 65_536) + "." + (h / 256 % 256) + "." + (h % 256);
                for (int p = 0; p < 10; p++) {
                    engine.send(flow(t, host, randomPeer(rnd), 20_000 + p));
                }
                t += 1;
            }
            System.out.printf("%,d hosts with 10 peers each: heap %.1f MB (+%.1f MB)%n", hosts, heap() / 1e6,
                    (heap() - base) / 1e6);
            t += 11 * 60_000L;
            engine.advanceTo(t);
            engine.send(flow(t, "10.9.9.9", "192.0.2.1", 40_000));
            System.out.printf("after one window of silence: heap %.1f MB (+%.1f MB)%n", heap() / 1e6, (heap() - base) / 1e6);
        }
    }

    private static String randomPeer(SplittableRandom rnd) {
        return (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    private static LogEvent flow(long t, String src, String dst, int port) {
        return LogEvent.builder().timestamp(t).category("network").transport("udp").outcome("allowed").phase("start")
                .sourceIp(src).sourcePort(40_000).destinationIp(dst).destinationPort(port).build(NETS);
    }

    private static long heap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
