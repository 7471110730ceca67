package io.quietwatch.alert.sink.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextTest {
    @Test
    void headerValuesLoseEveryControlCharacter() {
        assertThat(MailText.header("  a\r\nBcc: x\u0000\u0085\u2028b\t\u202ec  ", 100)).isEqualTo("a Bcc: x b c");
        assertThat(MailText.headerPiece(" (user\r\nbob) ", 100)).isEqualTo(" (user bob) ");
        assertThat(MailText.header(null, 10)).isEmpty();
        assertThat(MailText.header("abcdefghijkl", 5)).isEqualTo("abcd\u2026");
    }

    @Test
    void bodyTextShowsControlCharactersAsEscapes() {
        assertThat(MailText.plain("a\r\nb\tc\u0007\u202e", 100)).isEqualTo("a\\r\\nb\tc\\u0007\\u202e");
        assertThat(MailText.plain("plain", 100)).isSameAs("plain");
        assertThat(MailText.plain("x".repeat(20), 10)).isEqualTo("x".repeat(9) + "\u2026");
    }

    @Test
    void htmlEscapesMarkupAndQuotes() {
        assertThat(MailText.html("<a href=\"x\" onclick='y'>&amp;</a>\n", 100))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\\n");
    }

    @Test
    void capsDoNotSplitSurrogatePairs() {
        String emoji = "ab\uD83D\uDE00cd";
        assertThat(MailText.cap(emoji, 4)).isEqualTo("ab\u2026");
    }

    @Test
    void tokensKeepOnlySafeCharacters() {
        assertThat(MailText.token("4f1c-2a.9_b")).isEqualTo("4f1c-2a.9_b");
        assertThat(MailText.token("a\r\n<b>@c d")).isEqualTo("a___b__c_d");
        assertThat(MailText.token("")).isEqualTo("_");
        assertThat(MailText.token("x".repeat(300))).hasSize(128);
    }
}
