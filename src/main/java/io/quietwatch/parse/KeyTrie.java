package io.quietwatch.parse;

import java.util.Arrays;

/**
 * The key sequences of the lines a key-value parser has read, as a tree: from the start of a line, each
 * node's children are the keys that followed its key on some line. A device writes the keys of a kind
 * of record in a fixed order, so at the start of a key the scanner first compares the line with the
 * children of the node it is at, a few characters each, and only when none is there reads the key and
 * looks it up ({@link #child} then adds it, for one line in {@link #LEARN_EVERY} of those that leave
 * the tree). Lines of several kinds interleaved each follow their own branch.
 *
 * <p>Bounded: at most {@link #MAX_CHILDREN} children a node and {@link #CAPACITY} nodes; when full the
 * tree starts again from nothing, so that keys that never repeat (damaged lines) cannot fill it for
 * good. Shared by the threads of a parser: a node's key and id never change and its children are
 * replaced whole, so a racing reader sees an older list and a racing writer at worst adds a key twice.
 */
final class KeyTrie {
    static final int CAPACITY = 8192;
    static final int MAX_CHILDREN = 8;
    /**
     * One line in this many that leaves the tree (meets a key no line had there) adds the rest of its keys
     * (the first such line always does): a new kind of record is followed after a few lines, while lines
     * whose keys never repeat in order cost little more than reading every key.
     */
    static final int LEARN_EVERY = 8;
    private static final Node[] NONE = new Node[0];

    /** A key as written, its field id, and the keys seen after it on lines that came this way. */
    static final class Node {
        final String key;
        final int id;
        /** Replaced whole (copy on write), never changed in place. */
        private Node[] children = NONE;

        private Node(String key, int id) {
            this.key = key;
            this.id = id;
        }

        Node[] children() {
            return children;
        }

        /**
         * Whether this node has its fill of children: keys follow it in no order worth learning, so it
         * is neither followed nor added to.
         */
        boolean full() {
            return children.length >= MAX_CHILDREN;
        }

        /** Whether {@code s} holds this node's key at {@code from} (what follows is the caller's to check). */
        boolean startsAt(String s, int from) {
            return s.startsWith(key, from);
        }
    }

    private volatile Node root = new Node("", -1);
    private int size;
    /** Lines that left the tree; racing threads at worst lose a count. */
    private int leavers;

    /** Where a line starts. */
    Node root() {
        return root;
    }

    /** Whether the line that now leaves the tree adds the rest of its keys ({@link #LEARN_EVERY}). */
    boolean learnsFromLeaver() {
        return leavers++ % LEARN_EVERY == 0;
    }

    /**
     * The child of {@code parent} for the key {@code s[from, to)} with field id {@code id}, added when
     * new; null when it cannot be added (the node has its fill of children, or the tree was full and
     * starts again).
     */
    Node child(Node parent, String s, int from, int to, int id) {
        Node[] kids = parent.children;
        int length = to - from;
        for (Node k : kids) {
            if (k != null && k.key.length() == length && s.startsWith(k.key, from)) {
                return k;
            }
        }
        if (parent.full()) {
            return null;
        }
        if (size >= CAPACITY) {
            root = new Node("", -1);
            size = 0;
            return null;
        }
        Node made = new Node(s.substring(from, to), id);
        Node[] grown = Arrays.copyOf(kids, kids.length + 1);
        grown[kids.length] = made;
        parent.children = grown;
        size++;
        return made;
    }
}
