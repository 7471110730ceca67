package io.quietwatch.parse;

import java.util.Random;

/**
 * Lines for the {@link ParserContract}'s "never throws" checks: random text over a format's alphabet,
 * random pieces of a format's messages, and valid lines damaged by a few edits. All draw from the
 * {@link Random} they are given, so a seed fixes the lines.
 */
final class RandomLines {
    private RandomLines() {
    }

    /**
     * Random text after {@code prefix}: up to {@code maxLength} characters, each from {@code alphabet} or,
     * one time in {@code otherOneIn}, any character below U+3000.
     */
    static String noise(Random random, String prefix, String alphabet, int maxLength, int otherOneIn) {
        StringBuilder sb = new StringBuilder(prefix);
        int len = random.nextInt(maxLength);
        for (int j = 0; j < len; j++) {
            sb.append(random.nextInt(otherOneIn) == 0 ? (char) random.nextInt(0x3000)
                    : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** {@code head}, then up to 29 of {@code pieces} and, one time in eight instead, an ASCII character. */
    static String pieces(Random random, String head, String[] pieces) {
        StringBuilder sb = new StringBuilder(head);
        int n = random.nextInt(30);
        for (int j = 0; j < n; j++) {
            if (random.nextInt(8) == 0) {
                sb.append((char) random.nextInt(128));
            } else {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
        }
        return sb.toString();
    }

    /** {@code line} with one to four characters replaced, deleted or inserted from {@code alphabet}. */
    static String damaged(Random random, String line, String alphabet) {
        StringBuilder sb = new StringBuilder(line);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> sb.deleteCharAt(at);
                default -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    /** One more way to edit a line at {@code at}, for formats with a damage of their own. */
    @FunctionalInterface
    interface Edit {
        void apply(StringBuilder sb, int at, Random random);
    }

    /**
     * One to four edits of a line: delete a character, insert one of {@code marks} (the format's
     * separators), overwrite one with an ASCII character, the format's own {@code extra} edit if any, or
     * insert a copy of the line's tail.
     */
    record Garble(String marks, Edit extra) {
        /** The usual edits, inserting {@code marks}. */
        static Garble inserting(String marks) {
            return new Garble(marks, null);
        }

        String apply(String line, Random random) {
            StringBuilder sb = new StringBuilder(line);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = random.nextInt(sb.length());
                int kind = random.nextInt(extra == null ? 4 : 5);
                if (kind == 0) {
                    sb.deleteCharAt(at);
                } else if (kind == 1) {
                    sb.insert(at, marks.charAt(random.nextInt(marks.length())));
                } else if (kind == 2) {
                    sb.setCharAt(at, (char) random.nextInt(0x80));
                } else if (kind == 3 && extra != null) {
                    extra.apply(sb, at, random);
                } else {
                    sb.insert(at, sb.substring(random.nextInt(sb.length())));
                }
            }
            return sb.toString();
        }
    }
}
