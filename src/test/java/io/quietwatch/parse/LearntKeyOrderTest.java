package io.quietwatch.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsers that learn the order of keys from the lines they read (CEF per header, {@link KeyLayout};
 * Check Point, {@link KeyTrie}) read every line as a parser that has seen nothing: whatever came before,
 * in whatever order, the result is the same.
 */
class LearntKeyOrderTest {

    @Test
    void cefReadsEveryFixtureLineAsAFreshParserDoes() {
        sameAsFresh(CefParser::new, "/fixtures/cef/firewalls.yaml", "/fixtures/cef/proxies.yaml",
                "/fixtures/cef/syntax.yaml", "/fixtures/cef/negative.yaml");
    }

    @Test
    void checkPointReadsEveryFixtureLineAsAFreshParserDoes() {
        sameAsFresh(CheckPointParser::new, "/fixtures/checkpoint/firewall.yaml", "/fixtures/checkpoint/web.yaml",
                "/fixtures/checkpoint/negative.yaml");
    }

    @Test
    void checkPointLinesThatChangeTheirKeysOnTheWayAreReadAlike() {
        String base = "[action:\"Accept\"; ifdir:\"outbound\"; origin:\"10.0.0.1\"; src:\"10.0.0.5\"; "
                + "s_port:\"51234\"; dst:\"203.0.113.7\"; service:\"443\"; proto:\"6\"]";
        List<SyslogMessage> lines = new ArrayList<>();
        lines.add(SyslogMessage.bare(base));
        lines.add(SyslogMessage.bare(base.replace("src:", "xsrc:")));
        lines.add(SyslogMessage.bare(base.replace("s_port:\"51234\"; ", "")));
        lines.add(SyslogMessage.bare(base.replace("; dst:", "; dst::")));
        // a key that ends in ':' ("dst:" before '=') is not the key of "dst::"
        lines.add(SyslogMessage.bare(base.replace("; dst:", "; dst:=")));
        lines.add(SyslogMessage.bare(base.replace("dst:\"", "dst=\"")));
        lines.add(SyslogMessage.bare(base.replace("ifdir:", "ifdir:: ").replace("origin", "or:igin")));
        lines.add(SyslogMessage.bare(base.replace("service:\"443\"", "service:\"4\\\"43\"")));
        lines.add(SyslogMessage.bare(base.replace("proto:\"6\"]", "proto:\"6")));
        lines.add(SyslogMessage.bare(base.replace("src:\"10.0.0.5\"", "src:\"10.0.0.5\" s:\"x\"")));
        sameAsFresh(CheckPointParser::new, lines);
    }

    @Test
    void oneLineInEightThatLeavesTheTrieAddsItsKeys() {
        KeyTrie trie = new KeyTrie();
        assertThat(trie.learnsFromLeaver()).as("the first").isTrue();
        for (int i = 1; i < KeyTrie.LEARN_EVERY; i++) {
            assertThat(trie.learnsFromLeaver()).isFalse();
        }
        assertThat(trie.learnsFromLeaver()).isTrue();
    }

    @Test
    void aTrieThatFillsUpStartsAgain() {
        KeyTrie trie = new KeyTrie();
        KeyTrie.Node root = trie.root();
        KeyTrie.Node a = trie.child(root, "a:\"1\"", 0, 1, 7);
        assertThat(a.key).isEqualTo("a");
        assertThat(a.id).isEqualTo(7);
        assertThat(trie.child(root, "xa", 1, 2, 7)).as("the same key again").isSameAs(a);
        for (int i = 1; i < KeyTrie.MAX_CHILDREN; i++) {
            assertThat(trie.child(a, "k" + i, 0, ("k" + i).length(), -1)).isNotNull();
        }
        assertThat(a.children()).hasSize(KeyTrie.MAX_CHILDREN - 1);
        assertThat(trie.child(a, "last", 0, 4, -1)).isNotNull();
        assertThat(trie.child(a, "more", 0, 4, -1)).as("a node has its fill of children").isNull();

        KeyTrie.Node at = trie.root();
        int made = 1 + KeyTrie.MAX_CHILDREN;
        while (made < KeyTrie.CAPACITY) {
            String key = "k" + made;
            KeyTrie.Node next = trie.child(at, key, 0, key.length(), -1);
            assertThat(next).isNotNull();
            at = next;
            made++;
        }
        assertThat(trie.root()).isSameAs(root);
        assertThat(trie.child(at, "one-more", 0, 8, -1)).isNull();
        assertThat(trie.root()).as("a full trie starts again").isNotSameAs(root);
        assertThat(trie.root().children()).isEmpty();
    }

    private static void sameAsFresh(Supplier<EventParser> parsers, String... fixtures) {
        sameAsFresh(parsers, FixtureCases.messages(fixtures));
    }

    private static void sameAsFresh(Supplier<EventParser> parsers, List<SyslogMessage> messages) {
        List<String> fresh = new ArrayList<>();
        for (SyslogMessage m : messages) {
            fresh.add(parsers.get().parse(m, FixtureCases.CONTEXT).toString());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            order.add(i);
        }
        EventParser learning = parsers.get();
        Random random = new Random(42);
        for (int round = 0; round < 6; round++) {
            if (round == 1) {
                Collections.reverse(order);
            } else if (round > 1) {
                Collections.shuffle(order, random);
            }
            for (int i : order) {
                // each line twice in a row, then the next: the second read follows what the first taught
                for (int twice = 0; twice < 2; twice++) {
                    assertThat(learning.parse(messages.get(i), FixtureCases.CONTEXT).toString())
                            .as("round %d: %s", round, messages.get(i).message()).isEqualTo(fresh.get(i));
                }
            }
        }
        assertThat(fresh).as("the fixtures hold events").anyMatch(r -> r.startsWith("Parsed"));
    }
}
