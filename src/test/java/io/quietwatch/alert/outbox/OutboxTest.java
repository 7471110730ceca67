package io.quietwatch.alert.outbox;

import io.quietwatch.alert.Alert;
import io.quietwatch.alert.AlertSeverity;
import io.quietwatch.alert.AlertSink;
import io.quietwatch.config.OutboxConfig;
import io.quietwatch.config.RouteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxTest {
    @TempDir
    Path dir;

    /** A sink that answers from a script, then delivers; it records every attempt. */
    static final class ScriptedSink implements AlertSink {
        final String name;
        final Deque<Delivery> script = new ArrayDeque<>();
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

        ScriptedSink(String name, Delivery... answers) {
            this.name = name;
            script.addAll(List.of(answers));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
        }

        @Override
        public synchronized Delivery deliver(Alert alert) {
            attempts.add(alert.id());
            Delivery d = script.isEmpty() ? Delivery.delivered(200) : script.poll();
            if (d.outcome() == Outcome.DELIVERED) {
                delivered.add(alert.id());
            }
            return d;
        }

        @Override
        public void close() {
        }
    }

    static Alert alert(String id, String detection, AlertSeverity severity) {
        return new Alert(id, detection, "rule", severity, "t", 0, 0, 0, 1, "10.0.0.1", null, null, null, "r", List.of(), Map.of());
    }

    private Outbox open(List<AlertSink> sinks, List<RouteConfig> routes, int maxAttempts) throws Exception {
        Outbox o = new Outbox(dir, new OutboxConfig(null, maxAttempts, 1, 1, 1), sinks,
                new Routes(routes, sinks.stream().map(AlertSink::name).toList()), Clock.systemUTC());
        o.start();
        return o;
    }

    @Test
    void everyAlertReachesEverySinkInOrderAndIsOnDiskFirst() throws Exception {
        ScriptedSink a = new ScriptedSink("a");
        ScriptedSink b = new ScriptedSink("b");
        try (Outbox o = open(List.of(a, b), List.of(), 3)) {
            for (int i = 1; i <= 500; i++) {
                o.accept(alert("id" + i, "x", AlertSeverity.LOW));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> a.delivered.size() == 500 && b.delivered.size() == 500);
        }
        assertThat(a.delivered).containsExactlyElementsOf(b.delivered).startsWith("id1", "id2").endsWith("id500");
        assertThat(Files.readString(dir.resolve("a.cursor"))).isEqualTo("500");
        assertThat(Files.readAllLines(dir.resolve("deliveries.log"))).hasSize(1000);
    }

    @Test
    void aFailingSinkRetriesWithoutHoldingUpTheOthersThenDeadLetters() throws Exception {
        ScriptedSink flaky = new ScriptedSink("flaky", AlertSink.Delivery.retry(500, "HTTP 500", 0),
                AlertSink.Delivery.retry(429, "HTTP 429", 1), AlertSink.Delivery.delivered(201),
                AlertSink.Delivery.rejected(400, "bad request"),
                AlertSink.Delivery.retry(503, "down", 0), AlertSink.Delivery.retry(503, "down", 0), AlertSink.Delivery.retry(503, "down", 0));
        ScriptedSink fine = new ScriptedSink("fine");
        try (Outbox o = open(List.of(flaky, fine), List.of(), 3)) {
            o.accept(alert("one", "x", AlertSeverity.LOW));
            o.accept(alert("two", "x", AlertSeverity.LOW));
            o.accept(alert("three", "x", AlertSeverity.LOW));
            o.accept(alert("four", "x", AlertSeverity.LOW));
            await().atMost(Duration.ofSeconds(5)).until(() -> fine.delivered.size() == 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> flaky.delivered.size() == 2);
            assertThat(flaky.attempts).containsExactly("one", "one", "one", "two", "three", "three", "three", "four");
            assertThat(flaky.delivered).containsExactly("one", "four");
            assertThat((Long) o.stats().get("flaky").get("dead_lettered")).isEqualTo(2);
        }
        List<String> dead = Files.readAllLines(dir.resolve("flaky.dead.jsonl"));
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0)).contains("rejected: bad request").contains("\"id\":\"two\"");
        assertThat(dead.get(1)).contains("gave up after 3 attempts: down").contains("\"id\":\"three\"");
    }

    @Test
    void aRestartResumesWhereEachSinkStopped() throws Exception {
        ScriptedSink down = new ScriptedSink("down");
        for (int i = 0; i < 1000; i++) {
            down.script.add(AlertSink.Delivery.retry(0, "connection refused", 0));
        }
        ScriptedSink up = new ScriptedSink("up");
        try (Outbox o = open(List.of(down, up), List.of(), 1000)) {
            for (int i = 1; i <= 5; i++) {
                o.accept(alert("id" + i, "x", AlertSeverity.LOW));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> up.delivered.size() == 5);
        }
        assertThat(down.delivered).isEmpty();
        ScriptedSink back = new ScriptedSink("down");
        ScriptedSink up2 = new ScriptedSink("up");
        try (Outbox o = open(List.of(back, up2), List.of(), 1000)) {
            o.accept(alert("id6", "x", AlertSeverity.LOW));
            await().atMost(Duration.ofSeconds(10)).until(() -> back.delivered.size() == 6 && up2.delivered.size() == 1);
        }
        assertThat(back.delivered).containsExactly("id1", "id2", "id3", "id4", "id5", "id6");
        assertThat(up2.delivered).containsExactly("id6");
    }

    @Test
    void routesSendAlertsOnlyWhereTheyMatch() throws Exception {
        ScriptedSink mail = new ScriptedSink("mail");
        ScriptedSink tickets = new ScriptedSink("tickets");
        List<RouteConfig> routes = List.of(
                new RouteConfig("everything to mail", null, null, null, List.of("mail")),
                new RouteConfig("tunnels and bad things to tickets", List.of("http-tunnel"), null, null, List.of("tickets")),
                new RouteConfig("critical to tickets", null, "critical", null, List.of("tickets")));
        try (Outbox o = open(List.of(mail, tickets), routes, 3)) {
            o.accept(alert("a", "uncommon-port", AlertSeverity.LOW));
            o.accept(alert("b", "http-tunnel", AlertSeverity.LOW));
            o.accept(alert("c", "nat-device", AlertSeverity.CRITICAL));
            await().atMost(Duration.ofSeconds(5)).until(() -> mail.delivered.size() == 3 && tickets.delivered.size() == 2);
        }
        assertThat(tickets.delivered).containsExactly("b", "c");
    }

    @Test
    void aHalfWrittenLastRecordIsCutOffOnOpen() throws Exception {
        ScriptedSink s = new ScriptedSink("s");
        try (Outbox o = open(List.of(s), List.of(), 3)) {
            o.accept(alert("whole", "x", AlertSeverity.LOW));
            await().atMost(Duration.ofSeconds(5)).until(() -> s.delivered.size() == 1);
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(p -> p.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
        Files.writeString(segment, "{\"seq\":2,\"sinks\":[\"s\"],\"alert\":{\"id\":\"torn", java.nio.file.StandardOpenOption.APPEND);
        ScriptedSink again = new ScriptedSink("s");
        try (Outbox o = open(List.of(again), List.of(), 3)) {
            o.accept(alert("next", "x", AlertSeverity.LOW));
            await().atMost(Duration.ofSeconds(5)).until(() -> again.delivered.size() == 1);
        }
        assertThat(again.delivered).containsExactly("next");
    }
}
