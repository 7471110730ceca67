package io.quietwatch.alert.sink.email;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplateTest {
    private static final UnaryOperator<String> UPPER = String::toUpperCase;

    @Test
    void fillsNamedValuesThroughTheEscaper() {
        MailTemplate t = MailTemplate.parse("Host {host}, user {user}, missing '{nothing}'.");
        assertThat(t.fill(Map.of("host", "h1", "user", "bob"), UPPER)).isEqualTo("Host H1, user BOB, missing ''.");
        assertThat(t.names()).containsExactlyInAnyOrder("host", "user", "nothing");
    }

    @Test
    void sectionsRepeatOverListsAndShowTextWhenNotEmpty() {
        MailTemplate t = MailTemplate.parse("{#rows}[{key}={value} of {total}]{/rows}{^rows}none{/rows}{#user} by {user}{/user}");
        Map<String, Object> values = Map.of("total", "2", "user", "",
                "rows", List.of(Map.of("key", "a", "value", "1"), Map.of("key", "b", "value", "2")));
        assertThat(t.fill(values, s -> s)).isEqualTo("[a=1 of 2][b=2 of 2]");
        assertThat(t.fill(Map.of("rows", List.of(), "user", "eve"), s -> s)).isEqualTo("none by eve");
    }

    @Test
    void bracesThatAreNoPlaceholderStayLiteral() {
        MailTemplate t = MailTemplate.parse("a{b c}{ }{}{Host}{x-y}{#}{/}${jndi:x}{ok}");
        assertThat(t.fill(Map.of("ok", "!"), s -> s)).isEqualTo("a{b c}{ }{}{Host}{x-y}{#}{/}${jndi:x}!");
        assertThat(t.names()).containsExactly("ok");
    }

    @Test
    void valuesAreNeverScannedForPlaceholders() {
        MailTemplate t = MailTemplate.parse("{a}");
        assertThat(t.fill(Map.of("a", "{b} {#c}x{/c} ${jndi:ldap://x}", "b", "no"), s -> s))
                .isEqualTo("{b} {#c}x{/c} ${jndi:ldap://x}");
    }

    @Test
    void unbalancedSectionsAreRefused() {
        assertThatThrownBy(() -> MailTemplate.parse("{#a}x")).hasMessage("section '{#a}' is not closed with '{/a}'");
        assertThatThrownBy(() -> MailTemplate.parse("x{/a}")).hasMessage("'{/a}' closes no open section");
        assertThatThrownBy(() -> MailTemplate.parse("{#a}{#b}{/a}{/b}"))
                .hasMessage("'{/a}' closes no open section (open: b)");
    }

    @Test
    void theTemplatesInTheJarParse() {
        for (String f : List.of("alert.txt", "alert.html", "digest.txt", "digest.html")) {
            assertThat(MailTemplate.resource(f).names()).as(f).contains("severity", "first_seen");
        }
        assertThatThrownBy(() -> MailTemplate.resource("nope.txt")).hasMessageContaining("nope.txt is missing");
    }
}
